package it.io.claribi;

import static it.io.claribi.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Platform operators provision organizations and plans; nobody else can, and bad input changes
 * nothing.
 */
class ProvisioningIT {

  private final String operator = Api.token("platform", "platform-operator");

  @Test
  void an_operator_creates_then_updates_an_organization_and_its_plan_history() {
    String org = Api.newOrganization("prov");

    Api.Reply created =
        provision(
            org,
            operator,
            "{\"name\":\"Zeta Inc\",\"plan\":\"PROFESSIONAL\",\"reason\":\"contract 42\"}");
    Api.Reply updated = provision(org, operator, "{\"name\":\"Zeta AG\",\"plan\":\"ENTERPRISE\"}");

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    JsonObject seenByMember = Api.get("/api/v1/organization", Api.token(org, "org-admin")).json();
    assertThat(seenByMember.getString("name")).isEqualTo("Zeta AG");
    assertThat(seenByMember.getString("plan")).isEqualTo("ENTERPRISE");
    assertThat(seenByMember.getJsonArray("entitlements").getValuesAs(JsonString::getString))
        .contains("MCP_CATALOG", "AUDIT_TRAIL");
    List<JsonObject> history =
        Api.get("/api/v1/organization/plan-changes", Api.token(org, "org-admin"))
            .jsonArray()
            .getValuesAs(JsonObject.class);
    assertThat(history)
        .extracting(h -> h.getString("to"))
        .containsExactly("ENTERPRISE", "PROFESSIONAL");
    assertThat(history.get(1).getString("reason")).isEqualTo("contract 42");
    assertThat(history.get(1).getString("changedBy")).isEqualTo("user@platform");
  }

  @Test
  void an_org_admin_cannot_provision() {
    String org = Api.newOrganization("prov");

    assertProblem(
        provision(org, Api.token(org, "org-admin"), "{\"name\":\"x\",\"plan\":\"ENTERPRISE\"}"),
        403,
        "FORBIDDEN");
    assertThat(
            Api.get("/api/v1/organization", Api.token(org, "org-admin")).json().getString("plan"))
        .isEqualTo("FREE");
  }

  @Test
  void a_request_without_an_organization_claim_writes_nothing() {
    String org = Api.newOrganization("prov");
    String operatorWithoutOrg =
        Api.tokens().mint("op", null, List.of("platform-operator"), Duration.ofMinutes(5));

    assertProblem(
        provision(org, operatorWithoutOrg, "{\"name\":\"x\",\"plan\":\"STARTER\"}"),
        401,
        "ORGANIZATION_REQUIRED");
    assertThat(provision(org, operator, "{\"name\":\"x\",\"plan\":\"STARTER\"}").status())
        .isEqualTo(201);
  }

  @Test
  void invalid_input_is_a_400_problem_and_changes_nothing() {
    String org = Api.newOrganization("prov");

    assertProblem(
        provision(org, operator, "{\"name\":\"x\",\"plan\":\"GOLD\"}"), 400, "VALIDATION_FAILED");
    assertProblem(
        provision(org, operator, "{\"name\":\"\",\"plan\":\"FREE\"}"), 400, "VALIDATION_FAILED");
    assertProblem(provision(org, operator, "{\"name\":"), 400, "MALFORMED_JSON");
    assertProblem(provision(org, operator, ""), 400, "MALFORMED_JSON");
    assertProblem(
        provision("bad%20id", operator, "{\"name\":\"x\",\"plan\":\"FREE\"}"),
        400,
        "VALIDATION_FAILED");
    assertThat(provision(org, operator, "{\"name\":\"x\",\"plan\":\"LITE\"}").status())
        .isEqualTo(201);
  }

  @Test
  void unknown_paths_and_methods_are_problems_too() {
    assertProblem(Api.get("/api/v1/nothing-here", operator), 404, "NOT_FOUND");
    assertProblem(
        Api.send(Api.request("/api/v1/organization", operator).DELETE()),
        405,
        "METHOD_NOT_ALLOWED");
  }

  private static Api.Reply provision(String org, String token, String json) {
    return Api.put("/api/v1/organizations/" + org, token, json);
  }
}
