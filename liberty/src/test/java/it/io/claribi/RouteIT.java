package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Routing a question against the running server: the documented ranking over several real
 * connections (made by consent at the demo vendor), a changed answer on the request after each
 * disconnect, "no data source" when nothing is left, and sources the plan refuses left out.
 */
class RouteIT {

  private static final String TOOL = "retrieve_balance";

  /** A second MCP vendor served by the demo vendor, holding one more domain. */
  private static String ledger;

  @BeforeAll
  static void aSecondVendorOnTheDemoServer() throws InterruptedException {
    Api.awaitTokensAccepted(Duration.ofSeconds(60));
    String operator = Api.token("platform-ops", "platform-operator");
    String demoUrl =
        Api.get("/api/v1/catalog/vendors/" + Gateway.VENDOR, operator)
            .json()
            .getString("serverUrl");
    ledger = "route-ledger-" + UUID.randomUUID().toString().substring(0, 8);
    Api.Reply created =
        Api.post(
            "/api/v1/catalog/vendors",
            operator,
            "{\"id\":\""
                + ledger
                + "\",\"displayName\":\"Acme Ledger\",\"kind\":\"MCP\",\"serverUrl\":\""
                + demoUrl
                + "\",\"readScopes\":[\"openid\",\"payments:read\"],"
                + "\"dataDomains\":[\"payments\",\"accounting\"],\"resourcesEnabled\":false,"
                + "\"reason\":\"routing IT\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
  }

  static JsonObject route(String token, String body) {
    Api.Reply reply = Api.post("/api/v1/questions/route", token, body);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  static String bestVendor(JsonObject answer) {
    assertThat(answer.getString("route")).as(answer.toString()).isEqualTo("source");
    return answer.getJsonObject("source").getString("vendor");
  }

  @Test
  void the_ranking_holds_and_every_disconnect_changes_the_next_answer() throws Exception {
    String admin = Gateway.organizationOn(Api.newOrganization("route"), "TRIAL");
    JsonObject none = route(admin, "{\"domains\":[\"payments\"]}");
    assertThat(none.getString("route")).isEqualTo("none");
    assertThat(none.getString("message")).isEqualTo("No data source is connected for payments.");

    String payments = Consent.connect(admin, TOOL);
    String ledgerConnection = Consent.connectTo(ledger, admin, TOOL);

    // More domains covered wins.
    JsonObject both = route(admin, "{\"domains\":[\"payments\",\"accounting\"]}");
    assertThat(bestVendor(both)).isEqualTo(ledger);
    assertThat(both.getJsonObject("source").getString("connectionId")).isEqualTo(ledgerConnection);
    assertThat(both.getJsonObject("source").getJsonArray("covers").getValuesAs(JsonString.class))
        .extracting(JsonString::getString)
        .containsExactly("accounting", "payments");
    assertThat(both.getJsonArray("tools").getValuesAs(JsonObject.class))
        .extracting(t -> t.getString("name"))
        .contains(TOOL);
    assertThat(both.getJsonArray("tools").getValuesAs(JsonObject.class))
        .allSatisfy(t -> assertThat(t.getString("connectionId")).isEqualTo(ledgerConnection));
    assertThat(both.getJsonArray("alternatives").getValuesAs(JsonObject.class))
        .extracting(a -> a.getString("connectionId"))
        .containsExactly(payments);

    // The preferred vendor wins over coverage.
    JsonObject preferred =
        route(
            admin,
            "{\"domains\":[\"payments\",\"accounting\"],\"preferredVendor\":\""
                + Gateway.VENDOR
                + "\"}");
    assertThat(bestVendor(preferred)).isEqualTo(Gateway.VENDOR);
    assertThat(preferred.getJsonArray("uncovered").getValuesAs(JsonString.class))
        .extracting(JsonString::getString)
        .containsExactly("accounting");

    // An upload holding the same domains ranks after the MCP connections.
    Api.Reply upload =
        Uploads.upload(admin, "ledger.csv", "day,amount\n2026-11-01,5\n", "payments,accounting");
    assertThat(upload.status()).as(upload.body()).isEqualTo(201);
    String uploadId = upload.json().getString("id");
    assertThat(bestVendor(route(admin, "{\"domains\":[\"payments\",\"accounting\"]}")))
        .isEqualTo(ledger);

    // Disconnecting the best source changes the very next answer.
    assertThat(Api.delete("/api/v1/connections/" + ledgerConnection, admin).status())
        .isEqualTo(204);
    JsonObject after = route(admin, "{\"domains\":[\"payments\",\"accounting\"]}");
    assertThat(bestVendor(after)).as("it covers both domains").isEqualTo("upload");
    assertThat(after.getJsonObject("source").getString("uploadId")).isEqualTo(uploadId);
    JsonObject paymentsOnly = route(admin, "{\"domains\":[\"payments\"]}");
    assertThat(bestVendor(paymentsOnly)).as("MCP before upload").isEqualTo(Gateway.VENDOR);

    assertThat(Api.delete("/api/v1/uploads/" + uploadId, admin).status()).isEqualTo(204);
    JsonObject withoutUpload = route(admin, "{\"domains\":[\"payments\",\"accounting\"]}");
    assertThat(bestVendor(withoutUpload)).isEqualTo(Gateway.VENDOR);
    assertThat(withoutUpload.getString("message"))
        .isEqualTo(
            "Acme Payments (demo) answers payments; no data source is connected for accounting.");
    assertThat(withoutUpload.getJsonArray("alternatives")).isEmpty();

    assertThat(Api.delete("/api/v1/connections/" + payments, admin).status()).isEqualTo(204);
    JsonObject nothing = route(admin, "{\"domains\":[\"payments\",\"accounting\"]}");
    assertThat(nothing.getString("route")).isEqualTo("none");
    assertThat(nothing.getString("message"))
        .isEqualTo("No data source is connected for payments, accounting.");
    assertThat(nothing.containsKey("source")).isFalse();
  }

  @Test
  void another_organizations_sources_and_sources_the_plan_refuses_are_not_routes()
      throws Exception {
    String org = Api.newOrganization("route-plan");
    String admin = Gateway.organizationOn(org, "TRIAL");
    Consent.connect(admin, TOOL);
    assertThat(bestVendor(route(admin, "{\"domains\":[\"payments\"]}"))).isEqualTo(Gateway.VENDOR);

    String stranger = Gateway.organizationOn(Api.newOrganization("route-stranger"), "TRIAL");
    assertThat(route(stranger, "{\"domains\":[\"payments\"]}").getString("route"))
        .isEqualTo("none");

    Gateway.organizationOn(org, "FREE"); // MCP connections are kept but refused on Free
    assertThat(route(admin, "{\"domains\":[\"payments\"]}").getString("route")).isEqualTo("none");
    Gateway.organizationOn(org, "TRIAL");
    assertThat(bestVendor(route(admin, "{\"domains\":[\"payments\"]}"))).isEqualTo(Gateway.VENDOR);
  }

  @Test
  void bad_questions_get_problem_details() {
    String admin = Api.token(Api.newOrganization("route-bad"), "integrator");
    for (String body :
        List.of(
            "{}",
            "{\"domains\":[]}",
            "{\"domains\":[\"Payments!\"]}",
            "{\"domains\":[\"payments\"],\"preferredVendor\":\"../x\"}",
            "not json")) {
      Api.Reply reply = Api.post("/api/v1/questions/route", admin, body);
      assertThat(reply.status()).as(body + " → " + reply.body()).isEqualTo(400);
      assertThat(reply.contentType()).startsWith("application/problem+json");
      assertThat(reply.json().getString("code")).as(reply.body()).isNotBlank();
    }
    assertThat(Api.post("/api/v1/questions/route", null, "{\"domains\":[\"x\"]}").status())
        .isEqualTo(401);
  }
}
