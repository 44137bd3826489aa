package io.claribi.tiering.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.tiering.boundary.OrganizationsResource.ProvisionRequest;
import org.junit.jupiter.api.Test;

/** The reason an operator's plan change is recorded with. */
class ProvisionRequestTest {

  @Test
  void the_operators_reason_is_recorded_as_given() {
    ProvisionRequest cut = new ProvisionRequest("Acme", "STARTER", "contract signed");

    assertThat(cut.reasonOrDefault()).isEqualTo("contract signed");
  }

  @Test
  void without_a_reason_the_change_is_recorded_as_set_by_a_platform_operator() {
    assertThat(new ProvisionRequest("Acme", "STARTER", null).reasonOrDefault())
        .isEqualTo("Set by a platform operator");
    assertThat(new ProvisionRequest("Acme", "STARTER", "  ").reasonOrDefault())
        .isEqualTo("Set by a platform operator");
  }

  @Test
  void an_operator_may_set_every_plan_and_nothing_else() {
    assertThat(OrganizationsResource.PLANS.split("\\|"))
        .containsExactly("FREE", "LITE", "TRIAL", "STARTER", "PROFESSIONAL", "ENTERPRISE");
  }
}
