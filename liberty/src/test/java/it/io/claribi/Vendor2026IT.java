package it.io.claribi;

import static it.io.claribi.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The gateway's core flows against a vendor that speaks only 2026-07-28 (the demo vendor's {@code
 * /mcp-2026}): the client discovers the revision, lists the tools with the same fingerprints as the
 * 2025 listing of the same vendor, calls an allowed one with the connection's token, refuses the
 * others without sending anything, and maps the vendor's failures as on 2025.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class Vendor2026IT {

  private static final String VENDOR = "acme-2026";
  private static final String STATELESS = DemoVendor.BASE + "/mcp-2026";
  private static final String STATELESS_PATH = "/demo-vendor/mcp-2026";

  @Deployment(testable = false)
  static WebArchive fixture() {
    return Gateway.fixtureWar();
  }

  @ArquillianResource URL fixture;

  // One organization and connection for the class: connecting is the slow part.
  private static String admin;
  private static String connection;

  @BeforeEach
  void connectOnce() {
    if (admin == null) {
      DemoVendor.reset();
      String token = Gateway.organizationOn(Api.newOrganization("vendor-2026"), "ENTERPRISE");
      register(token, VENDOR, STATELESS, true);
      // The same vendor over 2025 sessions, discovered too, for comparing the listings.
      Gateway.connect(fixture, token, Gateway.VENDOR, true);
      connection = Gateway.connect(fixture, token, VENDOR, true);
      for (String tool : Gateway.READ_TOOLS) {
        assertThat(Gateway.decide(token, VENDOR, tool, "ALLOW").status()).isEqualTo(200);
      }
      admin = token;
    }
    DemoVendor.clearLog();
  }

  @Test
  void discovery_speaks_2026_and_records_the_fingerprints_of_the_2025_listing() {
    Api.Reply refreshed = Api.post("/api/v1/catalog/vendors/" + VENDOR + "/discovery", admin);
    assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);

    Map<String, String> stateless = fingerprints(VENDOR);
    Map<String, String> sessions = fingerprints(Gateway.VENDOR);
    assertThat(stateless).containsKeys(Gateway.READ_TOOLS.toArray(String[]::new));
    assertThat(stateless).isEqualTo(sessions);
    // Stateless: the listing went to /mcp-2026 with the token, and no handshake was made there.
    assertThat(entries("tools/list"))
        .isNotEmpty()
        .allSatisfy(
            e -> {
              assertThat(e.getString("path")).isEqualTo(STATELESS_PATH);
              assertThat(e.getBoolean("bearer_token")).isTrue();
            });
    assertThat(entries("initialize")).isEmpty();
  }

  @Test
  void an_allowed_tool_is_called_in_2026_and_answers_in_the_usual_shape() {
    Api.Reply reply =
        Gateway.call(admin, "connectionId", connection, "list_customers", "{\"limit\":3}");

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    JsonObject result = reply.json().getJsonObject("result");
    assertThat(result.getBoolean("isError", false)).isFalse();
    assertThat(result.toString()).contains("cus_");
    assertThat(result.containsKey("resultType")).as("the 2025 result shape").isFalse();
    assertThat(entries("tools/call"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getString("path")).isEqualTo(STATELESS_PATH);
              assertThat(e.getString("tool_name")).isEqualTo("list_customers");
              assertThat(e.getBoolean("bearer_token")).isTrue();
              assertThat(e.getInt("status")).isEqualTo(200);
            });
    assertThat(entries("initialize")).isEmpty();
  }

  @Test
  void a_tools_own_error_is_a_result_as_on_2025() {
    Api.Reply reply =
        Gateway.call(
            admin, "connectionId", connection, "get_customer", "{\"customer_id\":\"cus_9999\"}");

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.json().getJsonObject("result").getBoolean("isError")).isTrue();
    assertThat(reply.json().getJsonObject("result").toString()).contains("resource_missing");
  }

  @Test
  void refused_tools_never_reach_the_vendor() {
    for (String tool : List.of("create_refund", "delete_customer", "List_customers")) {
      Api.Reply reply = Gateway.call(admin, "connectionId", connection, tool, "{}");
      assertProblem(reply, 403, "TOOL_NOT_ALLOWED");
    }
    assertProblem(
        Gateway.call(admin, "connectionId", connection, "get_customer", "{\"refund\":true}"),
        400,
        "ARGUMENT_INVALID");

    assertThat(DemoVendor.toolCalls()).as("tools/call requests at the vendor").isZero();
  }

  @Test
  void resources_are_listed_and_read_in_2026() {
    Api.Reply listed = Api.get("/api/v1/resources?connectionId=" + connection, admin);
    assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
    assertThat(listed.body()).contains("acme://reports/monthly-revenue");

    Api.Reply read =
        Api.post(
            "/api/v1/resources/read",
            admin,
            "{\"connectionId\":\"" + connection + "\",\"uri\":\"acme://reports/monthly-revenue\"}");
    assertThat(read.status()).as(read.toString()).isEqualTo(200);
    assertThat(read.body()).contains("months");
    assertThat(entries("resources/read"))
        .singleElement()
        .satisfies(e -> assertThat(e.getString("path")).isEqualTo(STATELESS_PATH));
  }

  @Test
  void the_vendors_failures_map_as_on_2025() {
    String malformed = faulty("malformed");
    assertProblem(
        Gateway.call(admin, "connectionId", malformed, "list_customers", "{}"),
        502,
        "VENDOR_RESPONSE_MALFORMED");

    String huge = faulty("huge");
    assertProblem(
        Gateway.call(admin, "connectionId", huge, "list_customers", "{}"),
        502,
        "VENDOR_RESPONSE_TOO_LARGE");

    String hanging = faulty("hang");
    long start = System.nanoTime();
    Api.Reply hung = Gateway.call(admin, "connectionId", hanging, "list_customers", "{}");
    assertProblem(hung, 503, "VENDOR_UNAVAILABLE");
    assertThat(hung.response().headers().firstValue("Retry-After")).isPresent();
    assertThat((System.nanoTime() - start) / 1_000_000_000).isLessThan(20);
  }

  /** A connection to {@code /faults/<fault>/mcp-2026}: approved on the real path, then moved. */
  private String faulty(String fault) {
    String vendor = "acme-2026-" + fault;
    register(admin, vendor, STATELESS, false);
    String id = Gateway.connect(fixture, admin, vendor, true);
    assertThat(Gateway.decide(admin, vendor, "list_customers", "ALLOW").status()).isEqualTo(200);
    register(admin, vendor, DemoVendor.BASE + "/faults/" + fault + "/mcp-2026", false);
    return id;
  }

  private static Map<String, String> fingerprints(String vendor) {
    Api.Reply tools = Api.get("/api/v1/catalog/vendors/" + vendor + "/tools", admin);
    assertThat(tools.status()).as(tools.toString()).isEqualTo(200);
    return tools.jsonArray().getValuesAs(JsonObject.class).stream()
        .collect(Collectors.toMap(t -> t.getString("name"), t -> t.getString("fingerprint")));
  }

  private static List<JsonObject> entries(String method) {
    JsonArray requests = DemoVendor.requests(method);
    return requests.getValuesAs(JsonObject.class);
  }

  private static void register(String token, String vendor, String url, boolean resources) {
    String body =
        "\"displayName\":\"Acme 2026\",\"kind\":\"MCP\",\"serverUrl\":\""
            + url
            + "\",\"readScopes\":[\"payments:read\"],\"dataDomains\":[\"payments\"],"
            + "\"resourcesEnabled\":"
            + resources
            + ",\"reason\":\"vendor 2026 IT\"}";
    Api.Reply added =
        Api.post("/api/v1/catalog/vendors", token, "{\"id\":\"" + vendor + "\"," + body);
    if (added.status() == 409) {
      added = Api.put("/api/v1/catalog/vendors/" + vendor, token, "{" + body);
      assertThat(added.status()).as(added.toString()).isEqualTo(200);
      return;
    }
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
  }
}
