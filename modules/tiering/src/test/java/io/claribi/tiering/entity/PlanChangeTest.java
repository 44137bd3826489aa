package io.claribi.tiering.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.claribi.platform.api.AuditEvent;
import io.claribi.platform.api.AuditEventType;
import io.claribi.tiering.api.Plan;
import io.claribi.tiering.api.PlanChangeView;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a plan change records: any plan may follow any other; keeping the plan records nothing. */
class PlanChangeTest {

  private static final Instant AT = Instant.parse("2026-11-24T09:30:00Z");

  private static final Supplier<String> NOBODY =
      () -> {
        throw new AssertionError("the actor was asked although nothing is recorded");
      };

  @Test
  void every_move_to_another_plan_is_recorded_with_who_when_and_why() {
    int recorded = 0;
    for (Plan from : Plan.values()) {
      for (Plan to : Plan.values()) {
        if (from == to) {
          continue;
        }
        Optional<PlanChange> cut =
            PlanChange.between(from, to, () -> "operator@platform", AT, "contract signed");

        assertThat(cut)
            .as("%s -> %s", from, to)
            .get()
            .extracting(PlanChange::toView)
            .returns(from, PlanChangeView::from)
            .returns(to, PlanChangeView::to)
            .returns("operator@platform", PlanChangeView::changedBy)
            .returns(AT, PlanChangeView::changedAt)
            .returns("contract signed", PlanChangeView::reason);
        recorded++;
      }
    }
    assertThat(recorded).isEqualTo(6 * 5);
  }

  @ParameterizedTest
  @EnumSource(Plan.class)
  void keeping_the_plan_records_nothing_and_asks_for_no_actor(Plan plan) {
    assertThat(PlanChange.between(plan, plan, NOBODY, AT, "renamed only")).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Plan.class)
  void an_organizations_first_plan_is_recorded_from_none(Plan plan) {
    PlanChangeView cut =
        PlanChange.between(null, plan, () -> "operator@platform", AT, "new customer")
            .orElseThrow()
            .toView();

    assertThat(cut.from()).isNull();
    assertThat(cut.to()).isEqualTo(plan);
  }

  @Test
  void each_entry_has_its_own_id_in_the_form_the_history_resource_accepts() {
    PlanChangeView first = new PlanChange(null, Plan.FREE, "a", AT, "r").toView();
    PlanChangeView second = new PlanChange(null, Plan.FREE, "a", AT, "r").toView();

    assertThat(first.id()).matches("[0-9a-f-]{36}").isNotEqualTo(second.id());
  }

  @Test
  void a_downgrade_is_audited_with_both_plans_and_the_reason() {
    AuditEvent cut = PlanChange.auditEvent(Plan.PROFESSIONAL, Plan.LITE, "budget cut");

    assertThat(cut.type()).isEqualTo(AuditEventType.PLAN_CHANGED);
    assertThat(cut.details())
        .containsExactly(
            entry("from", "PROFESSIONAL"), entry("reason", "budget cut"), entry("to", "LITE"));
  }

  @Test
  void the_first_plan_is_audited_without_a_from() {
    AuditEvent cut = PlanChange.auditEvent(null, Plan.FREE, "Enrolled on first authenticated use");

    assertThat(cut.details())
        .doesNotContainKey("from")
        .containsEntry("to", "FREE")
        .containsEntry("reason", "Enrolled on first authenticated use");
  }

  @Test
  void the_operators_copy_names_the_organization() {
    AuditEvent cut =
        PlanChange.auditEvent(
            Plan.FREE, Plan.TRIAL, "pilot", new io.claribi.platform.api.OrganizationId("acme"));

    assertThat(cut.details())
        .containsExactly(
            entry("from", "FREE"),
            entry("organization", "acme"),
            entry("reason", "pilot"),
            entry("to", "TRIAL"));
  }
}
