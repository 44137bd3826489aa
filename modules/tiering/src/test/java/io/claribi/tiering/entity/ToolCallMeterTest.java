package io.claribi.tiering.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claribi.tiering.api.Plan;
import io.claribi.tiering.api.QuotaExceededException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A month's meter admits exactly the plan's quota and refuses the next call until the reset. */
class ToolCallMeterTest {

  private static final Instant NOW = Instant.parse("2026-11-30T23:00:00Z");

  @Test
  void it_admits_exactly_the_quota_and_refuses_the_next_call_without_counting_it() {
    ToolCallMeter cut = new ToolCallMeter("2026-11");
    for (int i = 0; i < 3; i++) {
      cut.admit(3, Plan.TRIAL, NOW);
    }

    assertThat(cut.calls()).isEqualTo(3);
    assertThatThrownBy(() -> cut.admit(3, Plan.TRIAL, NOW))
        .isInstanceOfSatisfying(
            QuotaExceededException.class,
            refusal -> {
              assertThat(refusal.status()).isEqualTo(429);
              assertThat(refusal.code()).isEqualTo("QUOTA_EXCEEDED");
            });
    assertThat(cut.calls()).isEqualTo(3);
  }

  @Test
  void the_remaining_calls_go_down_by_one_per_admitted_call() {
    ToolCallMeter cut = new ToolCallMeter("2026-11");
    long limit = Plan.FREE.monthlyToolCalls();

    for (int i = 0; i < 999; i++) {
      cut.admit(limit, Plan.FREE, NOW);
    }

    assertThat(limit - cut.calls()).isEqualTo(1);
    cut.admit(limit, Plan.FREE, NOW);
    assertThatThrownBy(() -> cut.admit(limit, Plan.FREE, NOW))
        .isInstanceOf(QuotaExceededException.class);
    assertThat(cut.calls()).isEqualTo(1_000);
  }

  @Test
  void a_quota_of_zero_refuses_the_first_call() {
    ToolCallMeter cut = new ToolCallMeter("2026-11");

    assertThatThrownBy(() -> cut.admit(0, Plan.STARTER, NOW))
        .isInstanceOf(QuotaExceededException.class);
    assertThat(cut.calls()).isZero();
  }

  @Test
  void a_quota_lowered_below_the_count_refuses_at_once() {
    ToolCallMeter cut = new ToolCallMeter("2026-11");
    for (int i = 0; i < 5; i++) {
      cut.admit(10, Plan.LITE, NOW);
    }

    assertThatThrownBy(() -> cut.admit(2, Plan.LITE, NOW))
        .isInstanceOf(QuotaExceededException.class)
        .hasMessageContaining("all 2 tool calls");
    assertThat(cut.calls()).isEqualTo(5);
  }

  @Test
  void the_refusal_names_plan_limit_month_and_reset_and_asks_to_retry_at_the_reset() {
    ToolCallMeter cut = new ToolCallMeter("2026-11");
    cut.admit(1, Plan.TRIAL, NOW);

    assertThatThrownBy(() -> cut.admit(1, Plan.TRIAL, NOW))
        .isInstanceOfSatisfying(
            QuotaExceededException.class,
            refusal -> {
              assertThat(refusal.detail())
                  .isEqualTo(
                      "The organization has used all 1 tool calls of the TRIAL plan for 2026-11;"
                          + " the quota resets at 2026-12-01T00:00:00Z. Nothing was sent to the"
                          + " vendor.");
              assertThat(refusal.retryAfterSeconds()).hasValue(3_600);
            });
  }

  @Test
  void a_meter_belongs_to_one_month() {
    assertThat(new ToolCallMeter("2027-01").period()).isEqualTo("2027-01");
    assertThat(new ToolCallMeter("2027-01").calls()).isZero();
    assertThatThrownBy(() -> new ToolCallMeter(null)).isInstanceOf(NullPointerException.class);
  }
}
