package io.claribi.gateway.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ToolListFreshnessTest {

  static final Instant NOW = Instant.parse("2026-12-05T09:00:00Z");

  ToolListFreshness cut = new ToolListFreshness(Duration.ofMinutes(5));

  @Test
  void a_list_never_verified_must_be_listed_before_any_call() {
    assertThat(cut.mustRelist(Optional.empty(), NOW)).isTrue();
  }

  @Test
  void a_list_younger_than_the_bound_is_relied_on_and_one_as_old_or_older_is_not() {
    assertThat(cut.mustRelist(Optional.of(NOW.minusSeconds(299)), NOW)).isFalse();
    assertThat(cut.mustRelist(Optional.of(NOW.minusSeconds(300)), NOW)).isTrue();
    assertThat(cut.mustRelist(Optional.of(NOW.minus(Duration.ofDays(3))), NOW)).isTrue();
  }

  @Test
  void a_verification_dated_further_ahead_than_the_bound_is_not_trusted() {
    assertThat(cut.mustRelist(Optional.of(NOW.plusSeconds(10)), NOW)).isFalse();
    assertThat(cut.mustRelist(Optional.of(NOW.plusSeconds(301)), NOW)).isTrue();
  }

  @Test
  void the_refresher_relists_after_three_quarters_of_the_bound_so_calls_rarely_pay() {
    Instant dueBefore = cut.refreshDueBefore(NOW);

    assertThat(dueBefore).isEqualTo(NOW.minus(Duration.ofSeconds(225)));
    assertThat(cut.refreshEvery()).isEqualTo(Duration.ofSeconds(75));
    // A list re-listed when due is re-listed again before a call could find it past the bound:
    // due at 225 s, looked at every 75 s, so re-listed by 300 s at the latest.
    assertThat(Duration.ofSeconds(225).plus(cut.refreshEvery())).isLessThanOrEqualTo(cut.maxAge());
  }

  @Test
  void a_very_short_bound_is_still_looked_at_no_more_than_once_a_second() {
    assertThat(new ToolListFreshness(Duration.ofSeconds(3)).refreshEvery())
        .isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void the_bound_must_be_positive() {
    assertThatThrownBy(() -> new ToolListFreshness(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ToolListFreshness(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
