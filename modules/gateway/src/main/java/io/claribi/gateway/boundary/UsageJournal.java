package io.claribi.gateway.boundary;

import io.claribi.gateway.control.PendingUsage;
import io.claribi.gateway.control.UsageOutbox;
import io.claribi.platform.api.DatabaseUnavailable;
import io.claribi.platform.api.DeferredAuditEvent;
import io.claribi.platform.api.RetryLaterException;
import io.claribi.platform.api.StartupOrder;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Records {@code CONNECTION_USED} durably and cheaply (decision 36). A call writes its record into
 * the outbox, one insert that commits before the caller has its answer, so a crash, a {@code kill
 * -9} or a stop loses none. One relay thread per node then moves whatever has been written into the
 * organizations' hash chains, up to {@link #BATCH} records per transaction, so an organization's
 * calls never wait on its chain head.
 *
 * <p>One record the trail refuses never holds back the others: a failed batch is relayed again one
 * record at a time, and a record that fails on its own {@link #STRIKES} times while the database
 * answers is set aside ({@link SetAsideUsageRecords}). A database that does not answer is an
 * outage, not a bad record: everything stays in the outbox, in order, retried with back-off.
 */
@ApplicationScoped
public class UsageJournal {

  private static final Logger LOG = Logger.getLogger(UsageJournal.class.getName());

  static final int BATCH = 500;

  /** Failures on its own, with the database answering, before a record is set aside. */
  static final int STRIKES = 3;

  private static final long IDLE_POLL_MILLIS = 200;

  private static final long FIRST_BACKOFF_MILLIS = 50;
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  @Inject UsageWriter writer;
  @Inject UsageOutbox outbox;
  @Inject SetAsideUsageRecords setAside;
  @Inject Clock clock;

  @Resource ManagedThreadFactory threads;

  private final Semaphore written = new Semaphore(0);
  private final Map<Long, Integer> strikes = new HashMap<>();
  private volatile boolean running;
  private Thread worker;
  private long backoff = FIRST_BACKOFF_MILLIS;
  private boolean outage;

  void start(@Observes @Priority(StartupOrder.JOBS) Startup startup) {
    startOn(threads);
  }

  void startOn(ThreadFactory factory) {
    running = true;
    worker = factory.newThread(this::relay);
    worker.setName("claribi-usage-relay");
    worker.start();
  }

  /**
   * Writes a record made in the caller's request into the outbox; it is durable when this returns.
   * If even that fails (the database went away during the call), the record is logged whole, so it
   * is still not lost without a trace.
   */
  public void record(DeferredAuditEvent event) {
    try {
      write(event, "");
    } catch (RuntimeException loggedWhole) {
      // a failed call: nothing was delivered, the log keeps the record
    }
  }

  /**
   * Writes the record of a use whose answer is about to be delivered; if it cannot be made durable
   * the answer must not leave, so this refuses: 503 {@code DATABASE_UNAVAILABLE} when the database
   * is out of reach (the caller may retry), otherwise the failure itself. The record is logged
   * whole either way. No caller receives a vendor's answer whose use the trail will not show.
   */
  public void recordBeforeAnswer(DeferredAuditEvent event) {
    try {
      write(event, ", its answer is withheld");
    } catch (RuntimeException failed) {
      if (DatabaseUnavailable.in(failed).isPresent()) {
        throw new RetryLaterException(
            503,
            "DATABASE_UNAVAILABLE",
            "Database unavailable",
            "The vendor answered, but the use could not be recorded, so the answer is withheld."
                + " Retry after the time in Retry-After.",
            DatabaseUnavailable.RETRY_AFTER_SECONDS);
      }
      throw failed;
    }
  }

  /** One insert into the outbox; a record that cannot be written is logged whole, then rethrown. */
  private void write(DeferredAuditEvent event, String consequence) {
    String json = UsageRecordJson.encode(event);
    try {
      outbox.add(event.organization(), clock.instant(), json);
      written.release();
    } catch (RuntimeException failed) {
      LOG.severe(
          "A usage record could not be written"
              + consequence
              + " ("
              + SetAsideUsageRecords.reason(failed)
              + "): "
              + json);
      throw failed;
    }
  }

  /** Records written and not yet in the trail (tests and the operations page). */
  public long pending() {
    return outbox.count();
  }

  private void relay() {
    while (running) {
      try {
        List<PendingUsage> batch = outbox.oldest(BATCH, UsageRecordJson::decode);
        if (batch.isEmpty()) {
          awaitWrites();
        } else {
          relay(batch);
        }
      } catch (RuntimeException unreadable) {
        outage(unreadable); // the outbox itself cannot be read
      }
    }
  }

  private void relay(List<PendingUsage> batch) {
    List<PendingUsage> readable = setAsideUnreadable(batch);
    Optional<RuntimeException> failed = write(readable);
    if (failed.isEmpty()) {
      ok();
    } else {
      isolate(readable, failed.get());
    }
  }

  /**
   * Relays as soon as a record is written, without letting records gather: a use must reach the
   * trail before the disconnect that a caller sends right after its answer (a 100 ms linger saved
   * CPU at one caller but put such disconnects first in the trail; docs/benchmarks/gateway.md).
   */
  private void awaitWrites() {
    try {
      if (written.tryAcquire(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
        written.drainPermits();
      }
    } catch (InterruptedException stop) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /** A record whose text cannot be read back cannot be chained: set aside as it is. */
  private List<PendingUsage> setAsideUnreadable(List<PendingUsage> batch) {
    List<PendingUsage> readable = new ArrayList<>();
    for (PendingUsage pending : batch) {
      if (pending.record().isPresent()) {
        readable.add(pending);
      } else {
        setAside.setAsideUnreadable(pending); // or it stays, and is tried again next time
      }
    }
    return readable;
  }

  /**
   * After a failed batch: relays each record alone, so the good ones reach the trail now. If none
   * could be written and the database does not answer, it is an outage; otherwise each record that
   * failed alone takes a strike, and one with {@link #STRIKES} is set aside.
   */
  private void isolate(List<PendingUsage> batch, RuntimeException batchFailure) {
    Map<PendingUsage, RuntimeException> failed = new java.util.LinkedHashMap<>();
    if (batch.size() == 1) {
      failed.put(batch.get(0), batchFailure);
    } else {
      for (PendingUsage record : batch) {
        write(List.of(record)).ifPresent(failure -> failed.put(record, failure));
      }
    }
    if (failed.isEmpty()) {
      ok(); // the batch as a whole failed (a lock time-out, a race): each went in alone
      return;
    }
    boolean othersWritten = failed.size() < batch.size();
    if (!othersWritten && !setAside.databaseAnswers()) {
      outage(batchFailure);
      return;
    }
    boolean anyLeft = false;
    for (Map.Entry<PendingUsage, RuntimeException> each : failed.entrySet()) {
      PendingUsage record = each.getKey();
      int struck = strikes.merge(record.id(), 1, Integer::sum);
      if (struck >= STRIKES && setAside.setAside(record, each.getValue())) {
        strikes.remove(record.id());
      } else {
        anyLeft = true;
      }
    }
    if (anyLeft) {
      pause();
    } else {
      ok();
    }
  }

  private Optional<RuntimeException> write(List<PendingUsage> records) {
    if (records.isEmpty()) {
      return Optional.empty();
    }
    try {
      // false: another relay has them in the trail, nothing to do here
      writer.write(records);
      records.forEach(record -> strikes.remove(record.id()));
      return Optional.empty();
    } catch (RuntimeException failed) {
      return Optional.of(failed);
    }
  }

  private void ok() {
    backoff = FIRST_BACKOFF_MILLIS;
    if (outage) {
      outage = false;
      LOG.info("Usage records are relayed again.");
    }
  }

  /** The database does not answer: every record stays in the outbox; logged once per outage. */
  private void outage(RuntimeException failure) {
    if (!outage) {
      outage = true;
      LOG.warning(
          "Usage records cannot be relayed to the audit trail, the database does not answer ("
              + SetAsideUsageRecords.reason(failure)
              + "); they stay in the outbox, retried with back-off up to "
              + MAX_BACKOFF.toSeconds()
              + " s.");
    }
    pause();
  }

  private void pause() {
    sleep(backoff);
    backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
  }

  private void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /**
   * On shutdown the relay ends after its current batch; what it has not relayed stays in the outbox
   * for the next start or another node.
   */
  @PreDestroy
  void stop() {
    running = false;
    if (worker != null) {
      try {
        worker.join(Duration.ofSeconds(20).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
