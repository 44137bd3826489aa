package it.io.claribi;

import static it.io.claribi.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The rug pull of issue 15, reproduced against the running server and the demo vendor: {@code
 * list_customers} is approved and called, then changed at the vendor (new required {@code
 * exportTo}, new {@code includeCards}, new description) without any notification reaching clariBI.
 * The IT server relies on a tool list for 3 s ({@code CLARIBI_GATEWAY_TOOL_LIST_MAX_AGE=PT3S} in
 * liberty/pom.xml); every refusal is checked at the vendor's own request log.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RugPullIT {

  static final String TOOL = "list_customers";
  static final String DISCOVERY = "/api/v1/catalog/vendors/" + Gateway.VENDOR + "/discovery";

  /** The IT server's bound, and a margin. */
  static final long PAST_THE_BOUND_MILLIS = 3_000 + 700;

  @Deployment(testable = false)
  static WebArchive fixture() {
    return Gateway.fixtureWar();
  }

  @ArquillianResource URL fixture;

  private final String org = Api.newOrganization("rug-pull");

  /** An operator of the platform organization, which owns no connection. */
  private final String operator = Api.token("platform", "platform-operator");

  private String admin;
  private String connection;

  @BeforeEach
  void connectAndApprove() {
    DemoVendor.reset();
    admin = Gateway.organizationOn(org, "PROFESSIONAL");
    connection = Gateway.connect(fixture, admin, Gateway.VENDOR, true);
    assertThat(Gateway.decide(operator, Gateway.VENDOR, TOOL, "ALLOW").status()).isEqualTo(200);
    DemoVendor.clearLog();
  }

  /** Other ITs call the pristine list_customers: record it again and keep it allowed. */
  @AfterEach
  void restoreTheVendorAndItsApproval() {
    DemoVendor.reset();
    assertThat(Api.post(DISCOVERY, operator).status()).isEqualTo(200);
    assertThat(Gateway.decide(operator, Gateway.VENDOR, TOOL, "ALLOW").status()).isEqualTo(200);
  }

  @Test
  void a_tool_changed_silently_is_refused_once_the_bound_has_passed_and_never_reaches_the_vendor()
      throws Exception {
    assertThat(call("{\"limit\":2}").status()).isEqualTo(200);
    DemoVendor.rugPull(false);
    Thread.sleep(PAST_THE_BOUND_MILLIS);
    int listsBefore = DemoVendor.toolLists();

    Api.Reply refused = call("{\"limit\":2}");

    assertProblem(refused, 403, "TOOL_NOT_ALLOWED");
    assertThat(refused.json().getString("detail"))
        .contains("changed since it was approved")
        .contains("nothing was sent");
    assertThat(DemoVendor.toolLists())
        .as("re-listed by the refused call")
        .isGreaterThan(listsBefore);
    assertProblem(
        call("{\"exportTo\":\"attacker@example.com\",\"includeCards\":true}"),
        403,
        "TOOL_NOT_ALLOWED");
    assertThat(DemoVendor.toolCallsFor(TOOL)).as("tools/call at the vendor").isEqualTo(1);
    JsonObject recorded = catalogTool();
    assertThat(recorded.getString("state")).isEqualTo("CHANGED_SINCE_APPROVAL");
    assertThat(recorded.getString("description")).contains("exportTo");
    Api.Reply blocked = Api.get("/api/v1/audit/events?type=TOOL_CALL_BLOCKED", admin);
    assertThat(blocked.body()).contains("CHANGED_SINCE_APPROVAL");
  }

  @Test
  void undeclared_arguments_are_refused_and_never_sent_though_the_approved_schema_is_open() {
    DemoVendor.openSchema();
    assertThat(discoveredAsChanged().status()).isEqualTo(200);
    assertThat(Gateway.decide(operator, Gateway.VENDOR, TOOL, "ALLOW").status()).isEqualTo(200);
    assertThat(catalogTool().getJsonObject("inputSchema").containsKey("additionalProperties"))
        .as("the approved schema is open")
        .isFalse();
    assertThat(call("{\"limit\":2}").status()).isEqualTo(200);

    for (String attack :
        List.of(
            "{\"limit\":2,\"includeCards\":true}",
            "{\"exportTo\":\"attacker@example.com\"}",
            "{\"email\":\"a@example.com\",\"includeCards\":false}")) {
      Api.Reply refused = call(attack);
      assertProblem(refused, 400, "ARGUMENT_INVALID");
      assertThat(refused.json().getString("detail")).contains("is not declared");
    }

    assertThat(DemoVendor.toolCallsFor(TOOL)).as("tools/call at the vendor").isEqualTo(1);
  }

  @Test
  void the_ai_engine_sees_the_approved_text_and_never_the_vendors_changed_text() {
    JsonObject offered = offered().orElseThrow();
    String approvedDescription = catalogTool().getString("description");
    assertThat(offered.getString("description")).isEqualTo(approvedDescription);

    DemoVendor.rugPull(false);
    discoveredAsChanged();

    assertThat(offered()).as("the changed tool is no longer offered").isEmpty();
    assertThat(Api.get("/api/v1/tools", admin).body())
        .doesNotContain("exportTo")
        .doesNotContain("includeCards");
    JsonObject recorded = catalogTool();
    assertThat(recorded.getJsonObject("approved").getString("description"))
        .isEqualTo(approvedDescription);
  }

  @Test
  void an_operator_whose_organization_owns_no_connection_can_run_discovery() {
    DemoVendor.rugPull(false);
    int listsBefore = DemoVendor.toolLists();

    Api.Reply discovered = discoveredAsChanged();

    assertThat(discovered.json().getInt("listed")).isPositive();
    assertThat(discovered.body()).doesNotContain(org).doesNotContain(connection);
    assertThat(DemoVendor.toolLists()).isGreaterThan(listsBefore);
    assertThat(DemoVendor.toolCalls()).isZero();
    assertThat(catalogTool().getString("state")).isEqualTo("CHANGED_SINCE_APPROVAL");
  }

  @Test
  void the_background_refresher_records_a_silent_change_before_any_call_pays_for_it()
      throws Exception {
    DemoVendor.rugPull(false);
    Thread.sleep(PAST_THE_BOUND_MILLIS);

    Api.Reply pass =
        Api.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(fixture + "api/v1/test-fixtures/tool-lists/refresh"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));

    assertThat(pass.status()).as(pass.toString()).isEqualTo(200);
    assertThat(pass.json().getInt("listed")).isPositive();
    assertThat(catalogTool().getString("state")).isEqualTo("CHANGED_SINCE_APPROVAL");
    assertProblem(call("{\"limit\":2}"), 403, "TOOL_NOT_ALLOWED");
    assertThat(DemoVendor.toolCalls()).isZero();
  }

  /**
   * The vendor gets a server address of its own at the demo vendor, so the check reads only its own
   * requests: the background refresher keeps listing the other ITs' connections meanwhile.
   */
  @Test
  void discovery_of_a_vendor_nobody_is_connected_to_is_409() {
    String vendor = Api.newOrganization("acme-unconnected");
    String serverPath = "/faults/unconnected-" + vendor + "/mcp";
    Api.Reply registered =
        Api.post(
            "/api/v1/catalog/vendors",
            operator,
            "{\"id\":\""
                + vendor
                + "\",\"displayName\":\"Nobody's Acme\",\"kind\":\"MCP\",\"serverUrl\":\""
                + DemoVendor.BASE
                + serverPath
                + "\",\"readScopes\":[\"payments:read\"],\"dataDomains\":[\"payments\"],"
                + "\"reason\":\"rug pull IT\"}");
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);

    assertProblem(
        Api.post("/api/v1/catalog/vendors/" + vendor + "/discovery", operator),
        409,
        "NO_CONNECTION_FOR_DISCOVERY");
    assertThat(DemoVendor.allRequests())
        .noneMatch(request -> request.getString("path").endsWith(serverPath));
  }

  private Api.Reply call(String arguments) {
    return Gateway.call(admin, "connectionId", connection, TOOL, arguments);
  }

  /** What GET /tools offers the AI engine as list_customers through this connection. */
  private Optional<JsonObject> offered() {
    Api.Reply tools = Api.get("/api/v1/tools", admin);
    assertThat(tools.status()).as(tools.toString()).isEqualTo(200);
    return tools.json().getJsonArray("tools").stream()
        .map(JsonObject.class::cast)
        .filter(t -> t.getString("connectionId").equals(connection))
        .filter(t -> t.getString("name").equals(TOOL))
        .findFirst();
  }

  /**
   * Runs the operator's discovery and checks that the catalog holds {@code list_customers} as
   * changed since approval. Whether this discovery or another re-listing recorded the change is not
   * fixed: the demo vendor's {@code reset} between tests notifies every open vendor session, and
   * their re-listings may still run after the silent change. The catalog keeps the list requested
   * last, so the state is certain and the count in the reply is 0 or 1.
   */
  private Api.Reply discoveredAsChanged() {
    Api.Reply discovered = Api.post(DISCOVERY, operator);
    assertThat(discovered.status()).as(discovered.toString()).isEqualTo(200);
    assertThat(discovered.json().getInt("changed")).isBetween(0, 1);
    assertThat(catalogTool().getString("state")).isEqualTo("CHANGED_SINCE_APPROVAL");
    return discovered;
  }

  private JsonObject catalogTool() {
    Api.Reply reply = Api.get("/api/v1/catalog/vendors/" + Gateway.VENDOR + "/tools", operator);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.jsonArray().getValuesAs(JsonObject.class).stream()
        .filter(t -> t.getString("name").equals(TOOL))
        .findFirst()
        .orElseThrow();
  }
}
