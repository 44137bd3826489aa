package io.claribi.gateway.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.gateway.control.PendingUsage;
import io.claribi.gateway.control.UsageOutbox;
import io.claribi.platform.api.DeferredAuditEvent;
import io.claribi.platform.api.OrganizationId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The journal's relay and its isolation of bad records, with an outbox in memory, a writer that
 * behaves like a transaction (a batch with a refused record writes nothing and leaves the outbox as
 * it was) and a set-aside store that keeps what it is given.
 */
class UsageJournalTest {

  private final Outbox outbox = new Outbox();
  private final Trail trail = new Trail(outbox);
  private final Kept kept = new Kept();
  private final UsageJournal cut = new UsageJournal();

  @AfterEach
  void stop() {
    trail.down.set(false);
    cut.stop();
  }

  @Test
  void a_record_refused_on_its_own_is_set_aside_and_never_holds_back_the_others() {
    trail.refuses(record -> record.actor().equals("poison"));
    start();

    cut.record(used("org-a", "poison"));
    for (int i = 0; i < 20; i++) {
      cut.record(used(i % 2 == 0 ? "org-b" : "org-c", "user-" + i));
    }

    awaitTrue(() -> trail.written.size() == 20 && kept.records.size() == 1);
    assertThat(trail.written).extracting(DeferredAuditEvent::actor).doesNotContain("poison");
    assertThat(kept.records).extracting(DeferredAuditEvent::actor).containsExactly("poison");
    assertThat(kept.failures.get(0)).hasMessageContaining("refused");
    assertThat(cut.pending()).isZero();

    // The journal goes on writing afterwards, without delay.
    cut.record(used("org-b", "later"));
    awaitTrue(() -> trail.written.size() == 21);
    assertThat(kept.records).hasSize(1);
  }

  @Test
  void a_lone_bad_record_is_set_aside_after_its_strikes_while_the_database_answers() {
    trail.refuses(record -> record.actor().equals("poison"));
    start();

    cut.record(used("org-a", "poison"));

    awaitTrue(() -> kept.records.size() == 1);
    assertThat(trail.attemptsOf("poison")).isEqualTo(UsageJournal.STRIKES);
  }

  @Test
  void a_database_that_does_not_answer_keeps_every_record_queued_and_sets_none_aside()
      throws Exception {
    trail.down.set(true);
    start();

    for (int i = 0; i < 10; i++) {
      cut.record(used("org-" + i, "user-" + i));
    }
    Thread.sleep(1_500); // many more rounds than STRIKES, with back-off

    assertThat(kept.records).isEmpty();
    assertThat(trail.written).isEmpty();
    assertThat(cut.pending()).isEqualTo(10);
    int attemptsWhileDown = trail.attempts.get();
    assertThat(attemptsWhileDown).as("backs off instead of spinning").isLessThan(200);

    trail.down.set(false);
    awaitTrue(() -> trail.written.size() == 10);
    assertThat(trail.written)
        .extracting(DeferredAuditEvent::actor)
        .as("in the order they were queued")
        .containsExactly(
            "user-0", "user-1", "user-2", "user-3", "user-4", "user-5", "user-6", "user-7",
            "user-8", "user-9");
    assertThat(kept.records).isEmpty();
  }

  @Test
  void a_record_that_cannot_be_set_aside_either_stays_queued() throws Exception {
    trail.refuses(record -> record.actor().equals("poison"));
    kept.broken.set(true);
    start();

    cut.record(used("org-a", "poison"));
    cut.record(used("org-b", "fine"));

    awaitTrue(() -> trail.written.size() == 1);
    Thread.sleep(500);
    assertThat(cut.pending()).isEqualTo(1);

    kept.broken.set(false);
    awaitTrue(() -> kept.records.size() == 1);
    assertThat(cut.pending()).isZero();
  }

  @Test
  void an_answer_whose_use_cannot_be_recorded_is_withheld_with_a_503_while_the_database_is_away() {
    start();
    outbox.refusesWrites =
        new IllegalStateException(
            new java.sql.SQLException("FATAL: terminating connection", "57P01"));

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> cut.recordBeforeAnswer(used("org-a", "withheld")))
        .isInstanceOfSatisfying(
            io.claribi.platform.api.RetryLaterException.class,
            refused -> {
              assertThat(refused.status()).isEqualTo(503);
              assertThat(refused.code()).isEqualTo("DATABASE_UNAVAILABLE");
              assertThat(refused.retryAfterSeconds()).hasValue(5);
            });

    outbox.refusesWrites = null;
    cut.recordBeforeAnswer(used("org-a", "recorded"));
    awaitTrue(() -> trail.written.size() == 1);
    assertThat(trail.written.get(0).actor()).isEqualTo("recorded");
  }

  @Test
  void any_other_failure_to_record_an_answer_is_not_hidden_either() {
    start();
    IllegalStateException broken = new IllegalStateException("value too long for the column");
    outbox.refusesWrites = broken;

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> cut.recordBeforeAnswer(used("org-a", "withheld")))
        .isSameAs(broken);
    // the older, best-effort path for failed calls still only logs
    cut.record(used("org-a", "failed call"));
    assertThat(outbox.count()).isZero();
  }

  private void start() {
    cut.writer = trail;
    cut.outbox = outbox;
    cut.setAside = kept;
    cut.clock = java.time.Clock.systemUTC();
    cut.startOn(Thread::new);
  }

  private static DeferredAuditEvent used(String organization, String actor) {
    return new DeferredAuditEvent(
        new OrganizationId(organization),
        actor,
        "request-" + actor,
        "127.0.0.1",
        UsageRecording.event(
            "c-1", "demo", "list_customers", "OK", Duration.ofMillis(3), Instant.EPOCH));
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition) {
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(until);
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }

  /** The outbox table: rows in the order written, each with its id. */
  static final class Outbox extends UsageOutbox {
    private final java.util.concurrent.ConcurrentSkipListMap<Long, String> rows =
        new java.util.concurrent.ConcurrentSkipListMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    final AtomicBoolean down = new AtomicBoolean();

    volatile RuntimeException refusesWrites;

    @Override
    public void add(OrganizationId organization, Instant writtenAt, String recordJson) {
      if (refusesWrites != null) {
        throw refusesWrites;
      }
      rows.put((long) ids.incrementAndGet(), organization.value() + "|" + recordJson);
    }

    @Override
    public List<PendingUsage> oldest(
        int limit, java.util.function.Function<String, DeferredAuditEvent> decode) {
      if (down.get()) {
        throw new IllegalStateException("connection refused");
      }
      return rows.entrySet().stream()
          .limit(limit)
          .map(
              row -> {
                String[] parts = row.getValue().split("\\|", 2);
                return new PendingUsage(
                    row.getKey(),
                    new OrganizationId(parts[0]),
                    java.util.Optional.of(decode.apply(parts[1])),
                    parts[1]);
              })
          .toList();
    }

    @Override
    public int remove(List<Long> removed) {
      return (int) removed.stream().filter(id -> rows.remove(id) != null).count();
    }

    @Override
    public long count() {
      return rows.size();
    }
  }

  /** All or nothing per call, like the writer's transaction. */
  static final class Trail extends UsageWriter {
    final List<DeferredAuditEvent> written = new CopyOnWriteArrayList<>();
    final List<DeferredAuditEvent> tried = new CopyOnWriteArrayList<>();
    final AtomicBoolean down = new AtomicBoolean();
    final AtomicInteger attempts = new AtomicInteger();
    private final Outbox relayedFrom;
    private volatile Predicate<DeferredAuditEvent> refused = record -> false;

    Trail(Outbox relayedFrom) {
      this.relayedFrom = relayedFrom;
    }

    void refuses(Predicate<DeferredAuditEvent> refused) {
      this.refused = refused;
    }

    long attemptsOf(String actor) {
      return tried.stream().filter(r -> r.actor().equals(actor)).count();
    }

    @Override
    public boolean write(List<PendingUsage> pending) {
      attempts.incrementAndGet();
      if (down.get()) {
        throw new IllegalStateException("connection refused");
      }
      List<DeferredAuditEvent> batch =
          pending.stream().map(record -> record.record().orElseThrow()).toList();
      batch.stream().filter(refused).forEach(tried::add);
      if (batch.stream().anyMatch(refused)) {
        throw new IllegalStateException("the database refused a row");
      }
      relayedFrom.remove(pending.stream().map(PendingUsage::id).toList());
      written.addAll(batch);
      return true;
    }
  }

  /**
   * Keeps what it is given, unless told it cannot; the database answers unless the trail is down.
   */
  final class Kept extends SetAsideUsageRecords {
    final List<DeferredAuditEvent> records = new CopyOnWriteArrayList<>();
    final List<RuntimeException> failures = new CopyOnWriteArrayList<>();
    final AtomicBoolean broken = new AtomicBoolean();

    @Override
    boolean setAside(PendingUsage record, RuntimeException failure) {
      if (broken.get()) {
        return false;
      }
      outbox.remove(List.of(record.id()));
      records.add(record.record().orElseThrow());
      failures.add(failure);
      return true;
    }

    @Override
    boolean databaseAnswers() {
      return !trail.down.get();
    }
  }
}
