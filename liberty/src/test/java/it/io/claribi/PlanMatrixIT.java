package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The plan matrix of {@code docs/plans.md} against the running server: for each of the six plans,
 * every endpoint that offers a gated feature gives the documented answer, and a refusal names the
 * lowest plan that has the feature.
 */
class PlanMatrixIT {

  enum Plan {
    FREE,
    LITE,
    TRIAL,
    STARTER,
    PROFESSIONAL,
    ENTERPRISE;

    boolean mcpCatalog() {
      return ordinal() >= TRIAL.ordinal();
    }

    boolean auditTrail() {
      return ordinal() >= PROFESSIONAL.ordinal();
    }
  }

  @BeforeAll
  static void serverAcceptsTokens() throws InterruptedException {
    Api.awaitTokensAccepted(Duration.ofSeconds(60));
  }

  @ParameterizedTest
  @EnumSource(Plan.class)
  void every_gated_endpoint_answers_as_documented(Plan plan) {
    String token = Gateway.organizationOn(Api.newOrganization("matrix-" + plan), plan.name());

    JsonObject organization = Api.get("/api/v1/organization", token).json();
    assertThat(organization.getString("plan")).isEqualTo(plan.name());

    // The catalog shows every vendor; those the plan cannot connect are locked, naming Trial.
    List<JsonObject> vendors =
        Api.get("/api/v1/catalog/vendors", token).jsonArray().getValuesAs(JsonObject.class);
    JsonObject mcp = byId(vendors, Gateway.VENDOR).getJsonObject("availability");
    JsonObject nativeConnector = byId(vendors, "google-analytics").getJsonObject("availability");
    assertThat(mcp.getString("requires")).isEqualTo("MCP_CATALOG");
    if (plan.mcpCatalog()) {
      assertThat(mcp.getString("state")).isEqualTo("AVAILABLE");
      assertThat(mcp.containsKey("unlockedBy")).isFalse();
    } else {
      assertThat(mcp.getString("state")).isEqualTo("LOCKED");
      assertThat(mcp.getString("unlockedBy")).isEqualTo("TRIAL");
    }
    assertThat(nativeConnector.getString("state")).isEqualTo("AVAILABLE");
    assertThat(nativeConnector.getString("requires")).isEqualTo("NATIVE_CONNECTORS");

    // Connecting an MCP vendor.
    Api.Reply connect =
        Api.post(
            "/api/v1/connections",
            token,
            "{\"vendor\":\"" + Gateway.VENDOR + "\",\"returnTo\":\"" + Consent.RETURN_TO + "\"}");
    if (plan.mcpCatalog()) {
      assertThat(connect.status()).as(connect.body()).isEqualTo(201);
    } else {
      assertUpgrade(connect, "TRIAL");
    }

    // Calling an MCP vendor's tool: refused by plan before anything else, or 404 (no connection).
    Api.Reply call = Gateway.call(token, "vendor", Gateway.VENDOR, "retrieve_balance", "{}");
    if (plan.mcpCatalog()) {
      assertThat(call.status()).as(call.body()).isEqualTo(404);
    } else {
      assertUpgrade(call, "TRIAL");
    }

    // Listing tools and routing a question are offered on every plan (native connectors, uploads).
    assertThat(Api.get("/api/v1/tools", token).status()).isEqualTo(200);
    assertThat(Api.post("/api/v1/questions/route", token, "{\"domains\":[\"payments\"]}").status())
        .isEqualTo(200);

    // File uploads are on every plan, within its limits.
    Api.Reply upload = Uploads.upload(token, "matrix.csv", "a,b\n1,2\n", "matrix");
    assertThat(upload.status()).as(upload.body()).isEqualTo(201);
    assertThat(Api.get("/api/v1/uploads", token).jsonArray()).hasSize(1);

    // The audit trail is shown on Professional and Enterprise only.
    for (String path :
        Set.of(
            "/api/v1/audit/events",
            "/api/v1/audit/events?format=csv",
            "/api/v1/audit/events?format=jsonl",
            "/api/v1/audit/verify")) {
      Api.Reply audit = Api.get(path, token);
      if (plan.auditTrail()) {
        assertThat(audit.status()).as(path + " " + audit.body()).isEqualTo(200);
      } else {
        assertUpgrade(audit, "PROFESSIONAL");
      }
    }
  }

  private static JsonObject byId(List<JsonObject> vendors, String id) {
    return vendors.stream()
        .filter(v -> v.getString("id").equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError(id + " is not in the catalog: " + vendors));
  }

  private static void assertUpgrade(Api.Reply reply, String plan) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(403);
    assertThat(reply.json().getString("code")).isEqualTo("PLAN_UPGRADE_REQUIRED");
    assertThat(reply.json().getString("requiredPlan")).isEqualTo(plan);
    assertThat(reply.json().getString("detail")).contains(plan);
  }
}
