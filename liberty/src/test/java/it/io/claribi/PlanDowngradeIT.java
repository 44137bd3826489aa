package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A platform operator moves an organization to a plan without the MCP catalog: its MCP connection
 * is kept, but refused from the very next request, and nothing reaches the vendor; moving it back
 * restores the connection without a new consent. Both changes are in the audit trail.
 */
class PlanDowngradeIT {

  private static final String TOOL = "retrieve_balance";

  @BeforeAll
  static void serverAcceptsTokens() throws InterruptedException {
    Api.awaitTokensAccepted(Duration.ofSeconds(60));
  }

  @Test
  void a_downgrade_refuses_mcp_calls_at_once_and_an_upgrade_restores_them() throws Exception {
    String org = Api.newOrganization("downgrade");
    String admin = Gateway.organizationOn(org, "PROFESSIONAL");
    String connection = Consent.connect(admin, TOOL);
    assertThat(call(admin, connection).status()).isEqualTo(200);

    Gateway.organizationOn(org, "LITE");
    long atVendor = DemoVendor.toolCallsFor(TOOL);
    Api.Reply refused = call(admin, connection);
    Api.Reply tools = Api.get("/api/v1/tools", admin);

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().getString("code")).isEqualTo("PLAN_UPGRADE_REQUIRED");
    assertThat(refused.json().getString("detail")).contains("TRIAL");
    assertThat(tools.status()).isEqualTo(200);
    assertThat(tools.json().getJsonArray("tools")).isEmpty();
    assertThat(DemoVendor.toolCallsFor(TOOL)).isEqualTo(atVendor);
    assertThat(Api.get("/api/v1/connections/" + connection, admin).json().getString("state"))
        .isEqualTo("ACTIVE");

    Gateway.organizationOn(org, "PROFESSIONAL");

    assertThat(call(admin, connection).status()).isEqualTo(200);
    JsonObject changes = Api.get("/api/v1/audit/events?type=PLAN_CHANGED", admin).json();
    assertThat(changes.getJsonArray("events").getValuesAs(JsonObject.class))
        .extracting(event -> event.getJsonObject("details").getString("to"))
        .containsSubsequence("PROFESSIONAL", "LITE", "PROFESSIONAL");
  }

  private static Api.Reply call(String admin, String connection) {
    return Gateway.call(admin, "connectionId", connection, TOOL, "{}");
  }
}
