package io.claribi.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignInAttemptsTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-05T10:00:00Z"));

  @Test
  void the_attempts_up_to_the_limit_are_admitted_and_the_next_one_is_refused() {
    SignInAttempts cut = new SignInAttempts(5, MINUTE, 100, clock);
    Instant first = clock.instant();

    for (int i = 1; i <= 5; i++) {
      assertThat(cut.attempt("ada")).as("attempt " + i).isEmpty();
      assertThat(cut.failures("ada")).isEqualTo(i);
      clock.move(Duration.ofSeconds(2));
    }

    assertThat(cut.attempt("ada"))
        .hasValueSatisfying(
            lock -> {
              assertThat(lock.until()).isEqualTo(first.plus(MINUTE));
              assertThat(lock.first()).isTrue();
            });
    assertThat(cut.attempt("ada")).hasValueSatisfying(lock -> assertThat(lock.first()).isFalse());
    assertThat(cut.failures("ada")).as("refused attempts are not counted").isEqualTo(5);
    assertThat(cut.attempt("bea")).as("another key").isEmpty();
  }

  @Test
  void a_lock_lifts_when_the_oldest_failure_leaves_the_window_and_one_more_failure_locks_again() {
    SignInAttempts cut = new SignInAttempts(3, MINUTE, 100, clock);
    Instant first = clock.instant();
    cut.attempt("ada");
    clock.move(Duration.ofSeconds(10));
    Instant second = clock.instant();
    cut.attempt("ada");
    cut.attempt("ada");

    clock.set(first.plus(MINUTE).minusMillis(1));
    assertThat(cut.attempt("ada")).isPresent();
    clock.set(first.plus(MINUTE));
    assertThat(cut.attempt("ada")).as("the oldest failure left the window").isEmpty();

    assertThat(cut.attempt("ada"))
        .hasValueSatisfying(
            lock -> {
              assertThat(lock.until()).isEqualTo(second.plus(MINUTE));
              assertThat(lock.first()).as("a new lock is reported again").isTrue();
            });
  }

  @Test
  void a_success_forgets_the_failures_of_its_key_and_a_forgiven_attempt_is_taken_back() {
    SignInAttempts cut = new SignInAttempts(2, MINUTE, 100, clock);
    cut.attempt("ada");
    cut.attempt("ada");
    assertThat(cut.attempt("ada")).isPresent();

    cut.succeeded("ada");

    assertThat(cut.attempt("ada")).isEmpty();
    cut.forgive("ada");
    assertThat(cut.failures("ada")).isZero();
    assertThat(cut.size()).as("an empty key is dropped").isZero();
  }

  @Test
  void attempts_arriving_together_are_admitted_only_up_to_the_limit() throws Exception {
    SignInAttempts cut = new SignInAttempts(5, MINUTE, 100, Clock.systemUTC());
    int callers = 64;
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(callers);
    try {
      List<java.util.concurrent.Future<Boolean>> admitted = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        admitted.add(
            pool.submit(
                () -> {
                  start.await();
                  return cut.attempt("ada").isEmpty();
                }));
      }
      start.countDown();
      int count = 0;
      for (var one : admitted) {
        count += one.get() ? 1 : 0;
      }
      assertThat(count).isEqualTo(5);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void spraying_keys_never_grows_the_table_beyond_its_bound() {
    SignInAttempts cut = new SignInAttempts(5, MINUTE, 1000, clock);

    for (int i = 0; i < 100_000; i++) {
      cut.attempt("sprayed-" + i);
    }

    assertThat(cut.size()).isEqualTo(1000);
  }

  @Test
  void a_full_table_drops_keys_whose_failures_left_the_window_before_a_locked_one() {
    SignInAttempts cut = new SignInAttempts(2, MINUTE, 3, clock);
    cut.attempt("old-1");
    cut.attempt("old-2");
    clock.move(Duration.ofSeconds(30));
    cut.attempt("locked");
    cut.attempt("locked");
    cut.failures("old-1"); // used more recently than "locked", but its failure expires first
    cut.failures("old-2");
    clock.move(Duration.ofSeconds(31));

    cut.attempt("new-1");
    cut.attempt("new-2");

    assertThat(cut.attempt("locked")).as("still locked after two new keys came in").isPresent();
    assertThat(cut.size()).isEqualTo(3);
  }

  @Test
  void nonsense_settings_are_refused() {
    assertThatThrownBy(() -> new SignInAttempts(0, MINUTE, 10, clock))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SignInAttempts(5, Duration.ZERO, 10, clock))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SignInAttempts(5, MINUTE, 0, clock))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void user_names_differing_in_case_or_blanks_are_one_key() {
    assertThat(SignInThrottle.userKey(" Ada ")).isEqualTo(SignInThrottle.userKey("ada"));
    assertThat(SignInThrottle.userKey("x".repeat(10_000))).hasSize(256);
  }

  private static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void move(Duration by) {
      now = now.plus(by);
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
