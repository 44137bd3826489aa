package io.claribi.connections.boundary;

import io.claribi.platform.api.AuditEvent;
import io.claribi.platform.api.DeferredAuditEvent;
import io.claribi.platform.api.StartupOrder;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
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
 */
@ApplicationScoped
public class UsageJournal {

  private static final Logger LOG = Logger.getLogger(UsageJournal.class.getName());

  static final int CAPACITY = 50_000;
  static final int BATCH = 500;
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  @Inject UsageWriter writer;
  @Inject Event<AuditEvent> audit;

  @Resource ManagedThreadFactory threads;

  private final BlockingDeque<DeferredAuditEvent> queue = new LinkedBlockingDeque<>(CAPACITY);
  private volatile boolean running;
  private Thread worker;

  void start(@Observes @Priority(StartupOrder.JOBS) Startup startup) {
    running = true;
    worker = threads.newThread(this::drain);
    worker.setName("claribi-usage-journal");
    worker.start();
  }

  /**
   * Queues a record made in the caller's request; when the queue is full or the writer is stopped,
   * records it now, in the caller's own transaction and with its own binding.
   */
  public void record(DeferredAuditEvent event, Runnable recordNow) {
    if (!running || !queue.offerLast(event)) {
      recordNow.run();
    }
  }

  /** Records queued and not yet committed (for tests and the operations page). */
  public int pending() {
    return queue.size();
  }

  private void drain() {
    long backoff = 50;
    while (running || !queue.isEmpty()) {
      List<DeferredAuditEvent> batch = new ArrayList<>();
      try {
        DeferredAuditEvent first = queue.pollFirst(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, BATCH - 1);
        writer.write(batch);
        backoff = 50;
      } catch (InterruptedException stop) {
        Thread.currentThread().interrupt();
        requeue(batch);
        return;
      } catch (RuntimeException failed) {
        // The database may be down: keep the records, in order, and try again later.
        LOG.log(
            Level.WARNING,
            "Could not record " + batch.size() + " usage events; retrying in " + backoff + " ms",
            failed);
        requeue(batch);
        sleep(backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
      }
    }
  }

  private void requeue(List<DeferredAuditEvent> batch) {
    for (int i = batch.size() - 1; i >= 0; i--) {
      if (!queue.offerFirst(batch.get(i))) {
        LOG.severe(
            "Usage journal full while retrying: a usage record was dropped: "
                + batch.get(i).event());
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
