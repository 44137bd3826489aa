package io.claribi.credentials.boundary;

import io.claribi.credentials.control.CredentialSeal;
import io.claribi.credentials.control.CredentialsConfig;
import io.claribi.credentials.control.RotationLedger;
import io.claribi.credentials.control.RotationLedger.Run;
import io.claribi.credentials.control.RotationLedger.Start;
import io.claribi.platform.api.NodeName;
import io.claribi.platform.api.OrganizationId;
import io.claribi.platform.api.ProblemException;
import io.claribi.platform.api.StartupOrder;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves every organization's credentials to the newest key, in small transactions, in the
 * background. A run is recorded before it starts, so a server that stops halfway resumes it at its
 * next start; rows already under the newest key are never touched again.
 */
@ApplicationScoped
public class KeyRotation {

  private static final Logger LOG = Logger.getLogger(KeyRotation.class.getName());

  @Inject RotationLedger ledger;
  @Inject RotationBatches batches;
  @Inject RotationAuditing auditing;
  @Inject CredentialSeal seal;
  @Inject CredentialsConfig config;
  @Inject Clock clock;

  /** Without the caller of the request that started the run: the job acts as the system. */
  @Resource(lookup = "java:app/concurrent/systemJobs")
  ManagedExecutorService executor;

  @Resource ManagedScheduledExecutorService scheduler;

  /** Whether this server is running the job now (each server runs at most one). */
  private final AtomicBoolean running = new AtomicBoolean();

  /** This node as the ledger names a run's worker. */
  private final String worker = NodeName.current();

  /** Set when the application stops: the job ends between batches and resumes at next start. */
  private volatile boolean stopping;

  private ScheduledFuture<?> watching;

  @PreDestroy
  void stopJob() {
    stopping = true;
    if (watching != null) {
      watching.cancel(false);
    }
  }

  /** Consecutive failed passes (a deadlock with another server's job, a database restart). */
  static final int MAX_ATTEMPTS = 5;

  /**
   * Resumes a run that a stopped server left unfinished, and from then on watches for runs that no
   * node holds any more (their node died, stopped or gave up after repeated failures): on several
   * nodes, whichever node sees such a run first takes it over.
   */
  void resumeAtStartup(@Observes @Priority(StartupOrder.JOBS) Startup startup) {
    takeOverQuietly();
    long every = Math.max(1000, config.rotationLease().toMillis() / 3);
    watching =
        scheduler.scheduleWithFixedDelay(
            this::takeOverQuietly, every, every, TimeUnit.MILLISECONDS);
  }

  /** Takes over the unfinished run if no node holds it; true if this node now works on it. */
  boolean takeOverOrphaned() {
    if (running.get() || stopping) {
      return false;
    }
    Instant now = clock.instant();
    // A node whose key file has not brought it the run's target key yet (a secrets manager
    // updates the nodes one by one) would find nothing to move and call the run finished.
    Optional<Run> orphaned =
        ledger.unfinished().filter(run -> !run.heldAt(now)).filter(this::knowsTargetKey);
    if (orphaned.isEmpty()
        || !ledger.claim(orphaned.get().id(), worker, now, now.plus(config.rotationLease()))) {
      return false;
    }
    Run run = orphaned.get();
    LOG.info(
        () ->
            "Resuming key rotation "
                + run.id()
                + " left unfinished"
                + run.worker().map(w -> " by " + w).orElse(""));
    executor.execute(() -> runToEnd(run));
    return true;
  }

  private void takeOverQuietly() {
    try {
      takeOverOrphaned();
    } catch (RuntimeException e) {
      // the database may be away; the next look tries again
      LOG.log(Level.FINE, "Looking for an unfinished key rotation failed", e);
    }
  }

  /**
   * Starts re-encrypting to the newest key, or resumes here an unfinished run that no node is
   * working on (one that stopped after repeated failures, or whose node died).
   *
   * @throws ProblemException 409 ROTATION_RUNNING while this or another node works on a run
   */
  public RotationStatus start(String requestedBy) {
    synchronized (this) {
      Instant now = clock.instant();
      Optional<Run> unknownTarget = ledger.unfinished().filter(run -> !knowsTargetKey(run));
      if (unknownTarget.isPresent()) {
        throw new ProblemException(
            409,
            "ROTATION_RUNNING",
            "Rotation running",
            "Key rotation "
                + unknownTarget.get().id()
                + " is unfinished and re-encrypts to key "
                + unknownTarget.get().targetKey()
                + ", which this node has not loaded yet; follow it with GET"
                + " /api/v1/credentials/rotation.");
      }
      Optional<Run> working = running.get() ? ledger.unfinished() : Optional.empty();
      RotationLedger.Start started =
          working.isPresent()
              ? new RotationLedger.Start(working.get(), Start.Outcome.HELD_ELSEWHERE)
              : ledger.beginOrResume(
                  requestedBy,
                  now,
                  seal.fingerprints().get(0),
                  worker,
                  now.plus(config.rotationLease()));
      Run run = started.run();
      if (started.outcome() == Start.Outcome.HELD_ELSEWHERE) {
        throw new ProblemException(
            409,
            "ROTATION_RUNNING",
            "Rotation running",
            "Key rotation "
                + run.id()
                + " is still running"
                + run.worker().map(w -> " on node " + w).orElse("")
                + "; follow it with GET /api/v1/credentials/rotation.");
      }
      boolean resumed = started.outcome() == Start.Outcome.RESUMED;
      LOG.info(
          () ->
              (resumed ? "Resuming" : "Starting")
                  + " key rotation "
                  + run.id()
                  + " to key "
                  + seal.fingerprints().get(0)
                  + " at the request of "
                  + requestedBy
                  + " on node "
                  + worker);
      auditing.started(run.id(), run.targetKey(), resumed);
      executor.execute(() -> runToEnd(run));
    }
    return status();
  }

  public RotationStatus status() {
    return RotationStatus.of(
        seal.keySource(), seal.fingerprints(), ledger.rowsPerKey(), ledger.latest());
  }

  /** Passes over the old keys' rows until a pass finds nothing left to move. */
  private void runToEnd(Run run) {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      int failures = 0;
      while (true) {
        Pass pass;
        try {
          pass = onePass(run);
          failures = 0;
        } catch (RuntimeException e) {
          if (stopping) {
            LOG.info(() -> "Key rotation " + run.id() + " paused by shutdown; resumes at start");
            return;
          }
          if (++failures >= MAX_ATTEMPTS) {
            LOG.log(
                Level.SEVERE,
                "Key rotation "
                    + run.id()
                    + " stopped after "
                    + failures
                    + " failed attempts; POST /api/v1/credentials/rotation or a restart resumes it",
                e);
            return;
          }
          LOG.warning(
              "Key rotation " + run.id() + " pass failed (" + e + "); retrying in a second");
          if (pause(Duration.ofSeconds(1))) {
            continue;
          }
          return;
        }
        if (pass.interrupted) {
          LOG.info(() -> "Key rotation " + run.id() + " paused by shutdown; resumes at start");
          return;
        }
        if (pass.lost) {
          LOG.info(() -> "Key rotation " + run.id() + " was taken over by another node");
          return;
        }
        if (pass.resealed == 0) {
          String key = seal.fingerprints().get(0);
          ledger.progress(run.id(), key, 0, pass.unreadable);
          ledger
              .organizationsOf(run.id())
              .forEach(
                  (organization, rows) ->
                      auditing.finished(new OrganizationId(organization), key, rows));
          if (!ledger.finish(run.id(), clock.instant())) {
            return; // another node finished it meanwhile
          }
          LOG.info(
              () ->
                  "Key rotation "
                      + run.id()
                      + " finished; rows that could not be opened: "
                      + pass.unreadable
                      + "; rows per key now "
                      + ledger.rowsPerKey());
          return;
        }
      }
    } finally {
      if (stopping) {
        releaseQuietly(run);
      }
      running.set(false);
    }
  }

  /** A stopping node lets another take the run over at once instead of after its lease. */
  private void releaseQuietly(Run run) {
    try {
      ledger.release(run.id(), worker);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Could not release key rotation " + run.id() + "; its lease runs out", e);
    }
  }

  private Pass onePass(Run run) {
    Pass pass = new Pass();
    String after = "";
    while (true) {
      if (stopping || Thread.currentThread().isInterrupted()) {
        pass.interrupted = true;
        return pass;
      }
      RotationBatches.Outcome outcome =
          batches.rotate(
              run.id(),
              worker,
              clock.instant().plus(config.rotationLease()),
              after,
              config.rotationBatchSize());
      if (!outcome.held()) {
        pass.lost = true;
        return pass;
      }
      if (outcome.last().isEmpty()) {
        return pass;
      }
      pass.resealed += outcome.resealed();
      pass.unreadable += outcome.unreadable();
      after = outcome.last().get();
      if (!pause(config.rotationPause())) {
        pass.interrupted = true;
        return pass;
      }
    }
  }

  /** Sleeps unless the job is being stopped; false means stop. */
  private static boolean pause(Duration duration) {
    long millis = duration.toMillis();
    if (millis == 0) {
      return true;
    }
    try {
      Thread.sleep(millis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static final class Pass {
    long resealed;
    long unreadable;
    boolean interrupted;
    boolean lost;
  }

  /** Whether this node's key ring holds the key the run re-encrypts to (or is newer). */
  private boolean knowsTargetKey(Run run) {
    return seal.fingerprints().contains(run.targetKey());
  }
}
