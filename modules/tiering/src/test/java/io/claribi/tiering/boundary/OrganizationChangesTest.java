package io.claribi.tiering.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.platform.api.OrganizationId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Operators' changes to one organization queue on this node before any database lock. */
class OrganizationChangesTest {

  private final OrganizationChanges cut = new OrganizationChanges();

  /** Two threads of its own, so that neither change waits for a pool thread. */
  private final ExecutorService operators = Executors.newFixedThreadPool(2);

  @AfterEach
  void stopOperators() {
    operators.shutdownNow();
  }

  @Test
  void a_change_runs_and_returns_its_result() {
    assertThat(cut.oneAtATime(new OrganizationId("acme"), () -> "provisioned"))
        .isEqualTo("provisioned");
  }

  @Test
  void a_second_change_to_one_organization_waits_for_the_first_to_finish() throws Exception {
    OrganizationId acme = new OrganizationId("acme");
    CountDownLatch firstRunning = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    AtomicBoolean firstDone = new AtomicBoolean();

    CompletableFuture<String> first =
        CompletableFuture.supplyAsync(
            () ->
                cut.oneAtATime(
                    acme,
                    () -> {
                      firstRunning.countDown();
                      await(releaseFirst);
                      firstDone.set(true);
                      return "first";
                    }),
            operators);
    assertThat(firstRunning.await(5, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Boolean> second =
        CompletableFuture.supplyAsync(() -> cut.oneAtATime(acme, firstDone::get), operators);
    Thread.sleep(200);

    assertThat(second).isNotDone();
    releaseFirst.countDown();
    assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
    assertThat(second.get(5, TimeUnit.SECONDS)).as("the first had finished").isTrue();
  }

  @Test
  void another_organizations_change_does_not_wait() throws Exception {
    OrganizationId acme = new OrganizationId("acme");
    OrganizationId other = new OrganizationId("globex");
    assertThat(Math.floorMod("acme".hashCode(), 64))
        .as("the two share no lock stripe")
        .isNotEqualTo(Math.floorMod("globex".hashCode(), 64));
    CountDownLatch firstRunning = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);

    CompletableFuture<String> first =
        CompletableFuture.supplyAsync(
            () ->
                cut.oneAtATime(
                    acme,
                    () -> {
                      firstRunning.countDown();
                      await(releaseFirst);
                      return "acme";
                    }),
            operators);
    assertThat(firstRunning.await(5, TimeUnit.SECONDS)).isTrue();
    try {
      assertThat(
              CompletableFuture.supplyAsync(() -> cut.oneAtATime(other, () -> "globex"), operators)
                  .get(5, TimeUnit.SECONDS))
          .isEqualTo("globex");
    } finally {
      releaseFirst.countDown();
    }
    assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("acme");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
