package io.claribi.gateway.boundary;

import io.claribi.platform.api.DeferredAuditEvent;
import io.claribi.platform.api.StartupOrder;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Records {@code CONNECTION_USED} after the caller has its answer: a durable, hash-chained write
 * per call would add a commit (several milliseconds) to every call and serialise an organization's
 * calls on its chain head. Records queue here and one writer thread commits whatever has queued, up
 * to {@link #BATCH} per transaction, straight away; under load the batches grow, so the cost per
 * record falls instead of rising.
 *
 * <p>What this trades, on purpose and documented (decision 18): a record reaches the trail a few
 * milliseconds after the call, and a process that dies hard loses the records still queued. A full
 * queue, or a stopped writer, makes callers write their own record synchronously, so load never
 * drops records. Refusals, connects and disconnects are never deferred.
 *
 * <p>One record the trail refuses never holds back the others: a failed batch is written again one
 * record at a time, and a record that fails on its own {@link #STRIKES} times while the database
 * answers is set aside ({@link SetAsideUsageRecords}). A database that does not answer is an
 * outage, not a bad record: everything stays queued, in order, retried with back-off.
 */
@ApplicationScoped
public class UsageJournal {

  private static final Logger LOG = Logger.getLogger(UsageJournal.class.getName());

  static final int CAPACITY = 50_000;
  static final int BATCH = 500;

  /** Failures on its own, with the database answering, before a record is set aside. */
  static final int STRIKES = 3;

  private static final long FIRST_BACKOFF_MILLIS = 50;
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  @Inject UsageWriter writer;
  @Inject SetAsideUsageRecords setAside;

  @Resource ManagedThreadFactory threads;

  private final BlockingDeque<Queued> queue = new LinkedBlockingDeque<>(CAPACITY);
  private volatile boolean running;
  private Thread worker;
  private long backoff = FIRST_BACKOFF_MILLIS;
  private boolean outage;

  /** A queued record and how often it has failed on its own; equal only to itself. */
  private static final class Queued {
    private final DeferredAuditEvent event;
    private final int strikes;

    Queued(DeferredAuditEvent event, int strikes) {
      this.event = event;
      this.strikes = strikes;
    }

    DeferredAuditEvent event() {
      return event;
    }

    int strikes() {
      return strikes;
    }

    Queued struck() {
      return new Queued(event, strikes + 1);
    }
  }

  void start(@Observes @Priority(StartupOrder.JOBS) Startup startup) {
    startOn(threads);
  }

  void startOn(ThreadFactory factory) {
    running = true;
    worker = factory.newThread(this::drain);
    worker.setName("claribi-usage-journal");
    worker.start();
  }

  /**
   * Queues a record made in the caller's request; when the queue is full or the writer is stopped,
   * records it now, in the caller's own transaction and with its own binding.
   */
  public void record(DeferredAuditEvent event, Runnable recordNow) {
    if (!running || !queue.offerLast(new Queued(event, 0))) {
      recordNow.run();
    }
  }

  /** Records queued and not yet committed (for tests and the operations page). */
  public int pending() {
    return queue.size();
  }

  private void drain() {
    while (running || !queue.isEmpty()) {
      List<Queued> batch = new ArrayList<>();
      try {
        Queued first = queue.pollFirst(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, BATCH - 1);
        Optional<RuntimeException> failed = write(batch);
        if (failed.isEmpty()) {
          written();
        } else {
          isolate(batch, failed.get());
        }
      } catch (InterruptedException stop) {
        Thread.currentThread().interrupt();
        requeue(batch);
        return;
      }
    }
  }

  /**
   * After a failed batch: writes each record alone, so the good ones reach the trail now. If none
   * could be written and the database does not answer, it is an outage; otherwise each record that
   * failed alone takes a strike, and one with {@link #STRIKES} is set aside.
   */
  private void isolate(List<Queued> batch, RuntimeException batchFailure) {
    Map<Queued, RuntimeException> failed = new LinkedHashMap<>();
    if (batch.size() == 1) {
      failed.put(batch.get(0), batchFailure);
    } else {
      for (Queued record : batch) {
        write(List.of(record)).ifPresent(failure -> failed.put(record, failure));
      }
    }
    if (failed.isEmpty()) {
      written(); // the batch as a whole failed (a lock time-out, a race): each went in alone
      return;
    }
    boolean othersWritten = failed.size() < batch.size();
    if (!othersWritten && !setAside.databaseAnswers()) {
      outage(batch, batchFailure);
      return;
    }
    List<Queued> again = new ArrayList<>();
    failed.forEach(
        (record, failure) -> {
          Queued struck = record.struck();
          if (struck.strikes() < STRIKES || !setAside.setAside(record.event(), failure)) {
            again.add(struck);
          }
        });
    requeue(again);
    if (!again.isEmpty()) {
      pause();
    } else if (othersWritten) {
      written();
    }
  }

  private Optional<RuntimeException> write(List<Queued> records) {
    try {
      writer.write(records.stream().map(Queued::event).toList());
      return Optional.empty();
    } catch (RuntimeException failed) {
      return Optional.of(failed);
    }
  }

  private void written() {
    backoff = FIRST_BACKOFF_MILLIS;
    if (outage) {
      outage = false;
      LOG.info("Usage records are written again; " + queue.size() + " still queued.");
    }
  }

  /** The database does not answer: keep every record, in order, and log it once per outage. */
  private void outage(List<Queued> batch, RuntimeException failure) {
    if (!outage) {
      outage = true;
      LOG.warning(
          "Usage records cannot be written, the database does not answer ("
              + SetAsideUsageRecords.reason(failure)
              + "); "
              + (queue.size() + batch.size())
              + " queued, retrying with back-off up to "
              + MAX_BACKOFF.toSeconds()
              + " s.");
    }
    requeue(batch);
    pause();
  }

  private void pause() {
    sleep(backoff);
    backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
  }

  private void requeue(List<Queued> batch) {
    for (int i = batch.size() - 1; i >= 0; i--) {
      if (!queue.offerFirst(batch.get(i))) {
        LOG.severe(
            "Usage journal full while retrying: a usage record was dropped: "
                + UsageRecordJson.encode(batch.get(i).event()));
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** On shutdown the writer finishes what is queued (bounded wait) before the thread ends. */
  @PreDestroy
  void stop() {
    running = false;
    if (worker != null) {
      try {
        worker.join(Duration.ofSeconds(20).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (!queue.isEmpty()) {
        LOG.severe("Stopped with " + queue.size() + " usage records not yet written.");
      }
    }
  }
}
