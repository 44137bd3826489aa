package it.io.claribi;

import static it.io.claribi.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Organization B cannot see A's rows, by list or by id, and cannot tell an A id from one that never
 * existed.
 */
class TenantIsolationIT {

  private final String orgA = Api.newOrganization("iso-a");
  private final String orgB = Api.newOrganization("iso-b");
  private final String adminA = Api.token(orgA, "org-admin");
  private final String adminB = Api.token(orgB, "org-admin");

  @Test
  void an_unknown_organization_is_enrolled_on_free_at_first_use() {
    JsonObject organization = Api.get("/api/v1/organization", adminA).json();

    assertThat(organization.getString("id")).isEqualTo(orgA);
    assertThat(organization.getString("plan")).isEqualTo("FREE");
    assertThat(
            organization
                .getJsonArray("entitlements")
                .getValuesAs(jakarta.json.JsonString::getString))
        .containsExactly("NATIVE_CONNECTORS", "FILE_UPLOADS");
  }

  @Test
  void another_organizations_row_is_absent_from_lists() {
    String rowOfA = firstPlanChangeOf(adminA);
    Api.get("/api/v1/organization", adminB);

    Api.Reply listOfB = Api.get("/api/v1/organization/plan-changes", adminB);

    assertThat(listOfB.status()).isEqualTo(200);
    assertThat(listOfB.jsonArray()).hasSize(1);
    assertThat(listOfB.body()).doesNotContain(rowOfA);
  }

  @Test
  void another_organizations_id_is_404_exactly_like_an_id_that_never_existed() {
    String rowOfA = firstPlanChangeOf(adminA);
    Api.get("/api/v1/organization", adminB);

    Api.Reply foreign = Api.get("/api/v1/organization/plan-changes/" + rowOfA, adminB);
    Api.Reply missing = Api.get("/api/v1/organization/plan-changes/" + UUID.randomUUID(), adminB);

    assertProblem(foreign, 404, "NOT_FOUND");
    assertProblem(missing, 404, "NOT_FOUND");
    assertThat(withoutIds(foreign.body(), rowOfA))
        .isEqualTo(withoutIds(missing.body(), missingId(missing)));
    assertThat(Api.get("/api/v1/organization/plan-changes/" + rowOfA, adminA).status())
        .isEqualTo(200);
  }

  @Test
  void the_organization_endpoint_only_ever_answers_for_the_tokens_organization() {
    Api.get("/api/v1/organization", adminA);

    assertThat(Api.get("/api/v1/organization", adminB).json().getString("id")).isEqualTo(orgB);
    assertThat(Api.get("/api/v1/organization?org=" + orgA, adminB).json().getString("id"))
        .isEqualTo(orgB);
  }

  private static String firstPlanChangeOf(String token) {
    Api.get("/api/v1/organization", token);
    return Api.get("/api/v1/organization/plan-changes", token)
        .jsonArray()
        .getJsonObject(0)
        .getString("id");
  }

  private static String missingId(Api.Reply reply) {
    String instance = reply.json().getString("instance");
    return instance.substring(instance.lastIndexOf('/') + 1);
  }

  private static String withoutIds(String body, String id) {
    return body.replace(id, "{id}");
  }
}
