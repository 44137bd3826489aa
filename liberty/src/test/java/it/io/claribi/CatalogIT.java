package it.io.claribi;

import static it.io.claribi.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The catalog over HTTP: who may read and change it, and the problems it answers with. */
class CatalogIT {

  private final String operator = Api.token("catalog-ops", "platform-operator");
  private final String admin = Api.token(Api.newOrganization("cat"), "org-admin");
  private final String integrator = Api.token(Api.newOrganization("cat"), "integrator");

  static String newVendorId() {
    return "it-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static String vendorJson(String id, String url, String reason) {
    return "{"
        + (id == null ? "" : "\"id\":\"" + id + "\",")
        + "\"displayName\":\"IT vendor\",\"kind\":\"MCP\",\"serverUrl\":\""
        + url
        + "\",\"readScopes\":[\"read\"],\"dataDomains\":[\"it\"],\"resourcesEnabled\":false"
        + (reason == null ? "" : ",\"reason\":\"" + reason + "\"")
        + "}";
  }

  static Api.Reply post(String path, String token, String json) {
    return Api.send(
        Api.request(path, token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  static Api.Reply delete(String path, String token) {
    return Api.send(Api.request(path, token).DELETE());
  }

  static String encoded(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Test
  void every_role_lists_the_shipped_vendors() {
    for (String token : List.of(admin, integrator, operator)) {
      Api.Reply reply = Api.get("/api/v1/catalog/vendors", token);
      assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
      assertThat(reply.jsonArray().getValuesAs(JsonObject.class))
          .extracting(v -> v.getString("id"))
          .contains(
              "stripe",
              "hubspot",
              "shopify",
              "linear",
              "notion",
              "google-analytics",
              "google-ads",
              "meta-ads",
              "jira",
              "acme-payments");
    }
    // (NativeConnectorIT points the native vendors at local fakes; HubSpot is left as shipped.)
    JsonObject jira = Api.get("/api/v1/catalog/vendors/jira", integrator).json();
    assertThat(jira.getString("kind")).isEqualTo("NATIVE_OAUTH");
    JsonObject hubspot = Api.get("/api/v1/catalog/vendors/hubspot", integrator).json();
    assertThat(hubspot.getString("kind")).isEqualTo("MCP");
    assertThat(hubspot.getJsonArray("readScopes").toString())
        .isEqualTo(
            "[\"crm.objects.contacts.read\",\"crm.objects.companies.read\","
                + "\"crm.objects.deals.read\"]");
    assertThat(Api.get("/api/v1/catalog/vendors", null).status()).isEqualTo(401);
  }

  @Test
  void an_operator_creates_edits_and_retires_a_vendor() {
    String id = newVendorId();
    Api.Reply created =
        post("/api/v1/catalog/vendors", operator, vendorJson(id, "http://localhost:9/mcp", "new"));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.response().headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/catalog/vendors/" + id));
    assertThat(created.json().getString("changedBy")).isEqualTo("user@catalog-ops");
    assertThat(created.json().getString("source")).isEqualTo("OPERATOR");
    assertProblem(
        post(
            "/api/v1/catalog/vendors", operator, vendorJson(id, "http://localhost:9/mcp", "again")),
        409,
        "VENDOR_EXISTS");

    Api.Reply edited =
        Api.put(
            "/api/v1/catalog/vendors/" + id,
            operator,
            vendorJson(null, "http://localhost:9/v2/mcp", "moved"));
    assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
    assertThat(edited.json().getString("serverUrl")).isEqualTo("http://localhost:9/v2/mcp");
    assertThat(edited.json().getString("changeReason")).isEqualTo("moved");

    assertProblem(delete("/api/v1/catalog/vendors/" + id, operator), 400, "VALIDATION_FAILED");
    assertThat(delete("/api/v1/catalog/vendors/" + id + "?reason=shut%20down", operator).status())
        .isEqualTo(204);
    assertProblem(Api.get("/api/v1/catalog/vendors/" + id, integrator), 404, "NOT_FOUND");
    assertThat(Api.get("/api/v1/catalog/vendors/" + id, operator).json().getString("state"))
        .isEqualTo("RETIRED");
    assertThat(
            Api.get("/api/v1/catalog/vendors/" + id + "/changes", operator)
                .jsonArray()
                .getValuesAs(JsonObject.class))
        .extracting(c -> c.getString("change"))
        .containsExactly("RETIRED", "EDITED", "CREATED");
  }

  @Test
  void only_operators_change_the_catalog() {
    String id = newVendorId();
    assertProblem(
        post("/api/v1/catalog/vendors", admin, vendorJson(id, "http://localhost:9/mcp", "x")),
        403,
        "FORBIDDEN");
    assertProblem(
        Api.put("/api/v1/catalog/vendors/stripe", integrator, vendorJson(null, "https://x", "x")),
        403,
        "FORBIDDEN");
    assertProblem(delete("/api/v1/catalog/vendors/stripe?reason=x", admin), 403, "FORBIDDEN");
    assertProblem(
        Api.put(
            "/api/v1/catalog/vendors/stripe/tools/any_tool",
            admin,
            "{\"decision\":\"ALLOW\",\"reason\":\"looks read-only\"}"),
        403,
        "FORBIDDEN");
  }

  @Test
  void bad_input_is_refused_with_stable_codes() {
    String id = newVendorId();
    assertProblem(
        post("/api/v1/catalog/vendors", operator, vendorJson(id, "https://10.0.0.1/mcp", "x")),
        400,
        "OUTBOUND_URL_REFUSED");
    assertProblem(
        post("/api/v1/catalog/vendors", operator, vendorJson(id, "http://example.test/mcp", "x")),
        400,
        "OUTBOUND_URL_REFUSED");
    assertProblem(
        post(
            "/api/v1/catalog/vendors",
            operator,
            vendorJson(id, "https://user:pw@localhost/mcp", "x")),
        400,
        "OUTBOUND_URL_REFUSED");
    assertProblem(
        post("/api/v1/catalog/vendors", operator, vendorJson(id, "http://localhost:9/mcp", null)),
        400,
        "VALIDATION_FAILED");
    assertProblem(
        post(
            "/api/v1/catalog/vendors",
            operator,
            vendorJson("Not A Slug", "http://localhost:9/mcp", "x")),
        400,
        "VALIDATION_FAILED");
    assertProblem(
        Api.put("/api/v1/catalog/vendors/stripe", operator, vendorJson(null, "https://x", null)),
        400,
        "VALIDATION_FAILED");
    assertProblem(Api.get("/api/v1/catalog/vendors/no-such-vendor", integrator), 404, "NOT_FOUND");
    assertProblem(Api.get("/api/v1/catalog/vendors/NOT_A_SLUG", integrator), 404, "NOT_FOUND");
    assertProblem(
        Api.put(
            "/api/v1/catalog/vendors/stripe/tools/any_tool",
            operator,
            "{\"decision\":\"MAYBE\",\"reason\":\"x\"}"),
        400,
        "VALIDATION_FAILED");
    assertProblem(
        Api.put(
            "/api/v1/catalog/vendors/stripe/tools/any_tool",
            operator,
            "{\"decision\":\"ALLOW\",\"reason\":\"\"}"),
        400,
        "VALIDATION_FAILED");
    assertProblem(
        Api.put(
            "/api/v1/catalog/vendors/stripe/tools/any_tool",
            operator,
            "{\"decision\":\"ALLOW\",\"reason\":\"" + "r".repeat(501) + "\"}"),
        400,
        "VALIDATION_FAILED");
  }

  @Test
  void a_tool_name_in_the_path_is_decoded_and_matched_exactly() {
    String id = newVendorId();
    post("/api/v1/catalog/vendors", operator, vendorJson(id, "http://localhost:9/mcp", "x"));
    assertThat(Api.get("/api/v1/catalog/vendors/" + id + "/tools", integrator).jsonArray())
        .isEmpty();

    for (String variant :
        List.of(
            "get_balance",
            "Get_balance",
            "get_balance ",
            "get\u200B_balance",
            "g\u0435t_balance")) {
      String path = "/api/v1/catalog/vendors/" + id + "/tools/" + encoded(variant);
      assertProblem(
          Api.put(path, operator, "{\"decision\":\"ALLOW\",\"reason\":\"reviewed\"}"),
          404,
          "NOT_FOUND");
      assertProblem(Api.get(path + "/decisions", integrator), 404, "NOT_FOUND");
    }
  }
}
