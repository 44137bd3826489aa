package io.claribi.tiering.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claribi.tiering.api.Plan;
import io.claribi.tiering.api.QuotaExceededException;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A month's meter, seen whole (the slow path): it admits exactly the quota over all its stripes,
 * refuses the next call without counting it, and keeps every count when the quota changes.
 */
class MonthlyMeterTest {

  private static final Instant NOW = Instant.parse("2026-11-30T23:00:00Z");

  private static List<ToolCallMeter> stripes() {
    return IntStream.range(0, ToolCallMeter.STRIPES)
        .mapToObj(k -> new ToolCallMeter("2026-11", k))
        .toList();
  }

  @Test
  void it_admits_exactly_the_quota_and_refuses_the_next_call_without_counting_it() {
    List<ToolCallMeter> stripes = stripes();
    MonthlyMeter cut = new MonthlyMeter(stripes);
    for (int i = 0; i < 50; i++) {
      cut.admit(50, Plan.TRIAL, NOW);
    }

    assertThat(cut.used()).isEqualTo(50);
    assertThatThrownBy(() -> cut.admit(50, Plan.TRIAL, NOW))
        .isInstanceOfSatisfying(
            QuotaExceededException.class,
            refusal -> {
              assertThat(refusal.status()).isEqualTo(429);
              assertThat(refusal.code()).isEqualTo("QUOTA_EXCEEDED");
            });
    assertThat(cut.used()).isEqualTo(50);
    assertThat(stripes).allSatisfy(s -> assertThat(s.room()).isZero());
  }

  @Test
  void a_call_counts_on_the_stripe_with_the_most_room_after_the_quota_was_split_again() {
    List<ToolCallMeter> stripes = stripes();
    MonthlyMeter cut = new MonthlyMeter(stripes);
    cut.split(32);
    stripes.get(7).count();
    stripes.get(7).count();

    cut.admit(32, Plan.TRIAL, NOW);

    // 29 left over 16 stripes: stripe 7 keeps its 2 and every stripe gets 1 or 2 of room
    assertThat(stripes).allSatisfy(s -> assertThat(s.splitLimit()).isEqualTo(32));
    assertThat(stripes.stream().mapToLong(ToolCallMeter::allowance).sum()).isEqualTo(32);
    assertThat(stripes.get(7).calls()).isEqualTo(2);
    assertThat(cut.used()).isEqualTo(3);
  }

  @Test
  void a_quota_lowered_below_the_count_refuses_at_once_and_keeps_the_count() {
    List<ToolCallMeter> stripes = stripes();
    MonthlyMeter cut = new MonthlyMeter(stripes);
    for (int i = 0; i < 5; i++) {
      cut.admit(10, Plan.LITE, NOW);
    }

    assertThatThrownBy(() -> cut.admit(2, Plan.LITE, NOW))
        .isInstanceOf(QuotaExceededException.class)
        .hasMessageContaining("all 2 tool calls");
    assertThat(cut.used()).isEqualTo(5);
  }

  @Test
  void a_quota_lowered_mid_month_admits_only_what_is_left_of_the_new_quota() {
    List<ToolCallMeter> stripes = stripes();
    MonthlyMeter cut = new MonthlyMeter(stripes);
    for (int i = 0; i < 30; i++) {
      cut.admit(10_000, Plan.STARTER, NOW);
    }

    int admitted = 0;
    for (int i = 0; i < 64; i++) {
      try {
        cut.admit(50, Plan.TRIAL, NOW);
        admitted++;
      } catch (QuotaExceededException refused) {
        // over the new quota
      }
    }

    assertThat(admitted).isEqualTo(20);
    assertThat(cut.used()).isEqualTo(50);
    assertThat(stripes).allSatisfy(s -> assertThat(s.calls()).isLessThanOrEqualTo(s.allowance()));
  }

  @Test
  void a_quota_of_zero_refuses_the_first_call() {
    MonthlyMeter cut = new MonthlyMeter(stripes());

    assertThatThrownBy(() -> cut.admit(0, Plan.STARTER, NOW))
        .isInstanceOf(QuotaExceededException.class);
    assertThat(cut.used()).isZero();
  }

  @Test
  void a_month_migrated_from_one_row_keeps_its_count_and_splits_the_rest() {
    ToolCallMeter migrated = new ToolCallMeter("2026-11", 0);
    migrated.allot(0, 0);
    List<ToolCallMeter> stripes = new java.util.ArrayList<>(List.of(migrated));
    MonthlyMeter only = new MonthlyMeter(stripes);
    for (int i = 0; i < 7; i++) {
      only.admit(1_000, Plan.FREE, NOW);
    }
    stripes.addAll(stripes().subList(1, ToolCallMeter.STRIPES));
    MonthlyMeter cut = new MonthlyMeter(stripes);

    cut.admit(1_000, Plan.FREE, NOW);

    assertThat(cut.used()).isEqualTo(8);
    assertThat(stripes.stream().mapToLong(ToolCallMeter::allowance).sum()).isEqualTo(1_000);
  }

  @Test
  void the_refusal_names_plan_limit_month_and_reset_and_asks_to_retry_at_the_reset() {
    MonthlyMeter cut = new MonthlyMeter(stripes());
    cut.admit(1, Plan.TRIAL, NOW);

    assertThatThrownBy(() -> cut.requireRoom(1, Plan.TRIAL, NOW))
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
  void a_month_has_at_least_one_stripe() {
    assertThatThrownBy(() -> new MonthlyMeter(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
