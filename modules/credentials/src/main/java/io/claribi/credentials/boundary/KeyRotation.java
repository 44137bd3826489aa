package io.claribi.credentials.boundary;

import io.claribi.credentials.control.CredentialSeal;
import io.claribi.credentials.control.CredentialsConfig;
import io.claribi.credentials.control.RotationLedger;
import io.claribi.credentials.control.RotationLedger.Run;
import io.claribi.platform.api.OrganizationId;
import io.claribi.platform.api.ProblemException;
import io.claribi.platform.api.StartupOrder;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
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

  @Resource ManagedExecutorService executor;

  /** Whether this server is running the job now (each server runs at most one). */
  private final AtomicBoolean running = new AtomicBoolean();

  /** Set when the application stops: the job ends between batches and resumes at next start. */
  private volatile boolean stopping;

  @PreDestroy
  void stopJob() {
    stopping = true;
  }

  /** Consecutive failed passes (a deadlock with another server's job, a database restart). */
  static final int MAX_ATTEMPTS = 5;

  /** Resumes a run that a stopped server left unfinished. */
  void resumeAtStartup(@Observes @Priority(StartupOrder.JOBS) Startup startup) {
    ledger
        .unfinished()
        .ifPresent(
            run -> {
              LOG.info(() -> "Resuming key rotation " + run.id() + " left unfinished");
              executor.execute(() -> runToEnd(run));
            });
  }

  /**
   * Starts re-encrypting to the newest key, or resumes here an unfinished run that no job on this
   * server is working on (one that stopped after repeated failures).
   *
   * @throws ProblemException 409 ROTATION_RUNNING while this server is working on a run
   */
  public RotationStatus start(String requestedBy) {
    synchronized (this) {
      Optional<Run> unfinished = ledger.unfinished();
      if (unfinished.isPresent() && running.get()) {
        throw new ProblemException(
            409,
            "ROTATION_RUNNING",
            "Rotation running",
            "Key rotation "
                + unfinished.get().id()
                + " is still running; follow it with GET /api/v1/credentials/rotation.");
      }
      Run run =
          unfinished.orElseGet(
              () -> ledger.begin(requestedBy, clock.instant(), seal.fingerprints().get(0)));
      LOG.info(
          () ->
              (unfinished.isPresent() ? "Resuming" : "Starting")
                  + " key rotation "
                  + run.id()
                  + " to key "
                  + seal.fingerprints().get(0)
                  + " at the request of "
                  + requestedBy);
      auditing.started(run.id(), run.targetKey(), unfinished.isPresent());
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
        if (pass.resealed == 0) {
          String key = seal.fingerprints().get(0);
          ledger.progress(run.id(), key, 0, pass.unreadable);
          ledger
              .organizationsOf(run.id())
              .forEach(
                  (organization, rows) ->
                      auditing.finished(new OrganizationId(organization), key, rows));
          ledger.finish(run.id(), clock.instant());
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
      running.set(false);
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
      RotationBatches.Outcome outcome = batches.rotate(run.id(), after, config.rotationBatchSize());
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
  }
}
