package io.claribi.tiering.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The quota's month is the calendar month in UTC, whatever the caller's time zone. */
class ToolCallUsageTest {

  @ParameterizedTest(name = "{0} -> {1}, resets {2}")
  @CsvSource({
    "2026-12-01T00:00:00Z,          2026-12, 2027-01-01T00:00:00Z",
    "2026-11-30T23:59:59.999999999Z, 2026-11, 2026-12-01T00:00:00Z",
    "2026-12-31T23:59:59Z,          2026-12, 2027-01-01T00:00:00Z",
    "2027-01-01T00:00:00Z,          2027-01, 2027-02-01T00:00:00Z",
    "2028-02-29T12:00:00Z,          2028-02, 2028-03-01T00:00:00Z",
    "2027-02-28T23:59:59Z,          2027-02, 2027-03-01T00:00:00Z"
  })
  void a_month_runs_from_its_first_instant_in_utc_to_the_first_of_the_next(
      Instant at, String period, Instant resetsAt) {
    ToolCallUsage cut = ToolCallUsage.of(at, 7, 50);

    assertThat(cut.period()).isEqualTo(period);
    assertThat(cut.resetsAt()).isEqualTo(resetsAt);
    assertThat(cut.used()).isEqualTo(7);
    assertThat(cut.limit()).isEqualTo(50);
  }

  @Test
  void a_call_early_on_the_first_in_berlin_still_counts_for_the_previous_month() {
    Instant at = OffsetDateTime.parse("2026-12-01T00:30:00+01:00").toInstant();

    ToolCallUsage cut = ToolCallUsage.of(at, 0, 1_000);

    assertThat(cut.period()).isEqualTo("2026-11");
    assertThat(cut.resetsAt()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
  }

  @Test
  void a_call_late_on_the_last_day_in_new_york_already_counts_for_the_next_month() {
    Instant at = OffsetDateTime.parse("2026-11-30T20:00:00-05:00").toInstant();

    assertThat(ToolCallUsage.of(at, 0, 1_000).period()).isEqualTo("2026-12");
  }

  @Test
  void retry_after_counts_the_seconds_to_the_reset_and_is_never_below_one() {
    Instant early = Instant.parse("2026-11-01T00:00:00Z");
    Instant lastHalfSecond = Instant.parse("2026-11-30T23:59:59.500Z");

    assertThat(
            new QuotaExceededException(ToolCallUsage.of(early, 50, 50), Plan.TRIAL, early)
                .retryAfterSeconds())
        .hasValue(30L * 24 * 3600);
    assertThat(
            new QuotaExceededException(
                    ToolCallUsage.of(lastHalfSecond, 50, 50), Plan.TRIAL, lastHalfSecond)
                .retryAfterSeconds())
        .hasValue(1);
  }
}
