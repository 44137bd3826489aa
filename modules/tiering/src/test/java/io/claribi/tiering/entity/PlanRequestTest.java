package io.claribi.tiering.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claribi.tiering.api.Plan;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A request for a larger plan: asked (again) while open, closed once. */
class PlanRequestTest {

  private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

  @Test
  void asking_again_replaces_the_plan_and_the_message_and_a_blank_message_is_none() {
    PlanRequest cut = new PlanRequest(Plan.PROFESSIONAL, "  audit  ", "ada", NOW);
    assertThat(cut.toView().message()).isEqualTo("audit");

    cut.ask(Plan.ENTERPRISE, " ", "bob", NOW.plusSeconds(60));

    assertThat(cut.toView().plan()).isEqualTo(Plan.ENTERPRISE);
    assertThat(cut.toView().message()).isNull();
    assertThat(cut.toView().requestedBy()).isEqualTo("bob");
    assertThat(cut.toView().state()).isEqualTo("OPEN");
  }

  @Test
  void a_closed_request_is_neither_asked_again_nor_closed_twice() {
    PlanRequest cut = new PlanRequest(Plan.STARTER, null, "ada", NOW);
    cut.close(PlanRequest.Outcome.DECLINED, "operator", NOW, "not now");

    assertThat(cut.isOpen()).isFalse();
    assertThat(cut.toView().state()).isEqualTo("DECLINED");
    assertThat(cut.toView().closingReason()).isEqualTo("not now");
    assertThatThrownBy(() -> cut.ask(Plan.STARTER, null, "ada", NOW))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> cut.close(PlanRequest.Outcome.GRANTED, "operator", NOW, "x"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void a_message_longer_than_500_characters_is_refused() {
    assertThatThrownBy(() -> new PlanRequest(Plan.STARTER, "x".repeat(501), "ada", NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
