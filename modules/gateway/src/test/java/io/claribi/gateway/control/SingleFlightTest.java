package io.claribi.gateway.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SingleFlightTest {

  private final SingleFlight<String, Integer> cut = new SingleFlight<>();

  @Test
  void callers_of_one_key_meanwhile_share_one_run_and_its_outcome() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> outcomes = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        outcomes.add(
            pool.submit(
                () ->
                    cut.run(
                        "acme",
                        () -> {
                          runs.incrementAndGet();
                          await(release);
                          return 42;
                        })));
      }
      Thread.sleep(200); // every caller has asked
      release.countDown();
      for (Future<Integer> outcome : outcomes) {
        assertThat(outcome.get(5, TimeUnit.SECONDS)).isEqualTo(42);
      }
      assertThat(runs).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void a_failure_reaches_every_waiter_and_the_next_caller_runs_again() {
    assertThatThrownBy(
            () ->
                cut.run(
                    "acme",
                    () -> {
                      throw new IllegalStateException("vendor unavailable");
                    }))
        .hasMessage("vendor unavailable");

    assertThat(cut.run("acme", () -> 7)).isEqualTo(7);
  }

  @Test
  void different_keys_run_side_by_side() {
    assertThat(cut.run("acme", () -> cut.run("globex", () -> 3))).isEqualTo(3);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
