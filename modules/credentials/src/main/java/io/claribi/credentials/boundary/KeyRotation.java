package io.claribi.credentials.boundary;

import io.claribi.credentials.control.CredentialSeal;
import io.claribi.credentials.control.CredentialsConfig;
import io.claribi.credentials.control.KeyRingSource;
import io.claribi.credentials.control.RotationLedger;
import io.claribi.credentials.control.RotationLedger.Row;
import io.claribi.credentials.control.RotationLedger.Run;
import io.claribi.platform.api.ProblemException;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
  @Inject CredentialSeal seal;
  @Inject KeyRingSource keys;
  @Inject CredentialsConfig config;
  @Inject Clock clock;

  @Resource ManagedExecutorService executor;

  /** Resumes a run that a stopped server left unfinished. */
  void resumeAtStartup(@Observes @Priority(KeyRingSource.STARTUP_PRIORITY + 10) Startup startup) {
    ledger
        .unfinished()
        .ifPresent(
            run -> {
              LOG.info(() -> "Resuming key rotation " + run.id() + " left unfinished");
              executor.execute(() -> runToEnd(run));
            });
  }

  /**
   * Starts re-encrypting to the newest key.
   *
   * @throws ProblemException 409 ROTATION_RUNNING while another run is unfinished
   */
  public RotationStatus start(String requestedBy) {
    synchronized (this) {
      ledger
          .unfinished()
          .ifPresent(
              running -> {
                throw new ProblemException(
                    409,
                    "ROTATION_RUNNING",
                    "Rotation running",
                    "Key rotation "
                        + running.id()
                        + " is still running; follow it with GET /api/v1/credentials/rotation.");
              });
      Run run = ledger.begin(requestedBy, clock.instant(), keys.current().primary().fingerprint());
      LOG.info(
          () -> "Key rotation " + run.id() + " to key " + run.targetKey() + " by " + requestedBy);
      executor.execute(() -> runToEnd(run));
    }
    return status();
  }

  public RotationStatus status() {
    return RotationStatus.of(
        keys.kind().name(), keys.current().fingerprints(), ledger.rowsPerKey(), ledger.latest());
  }

  /** Passes over the old keys' rows until a pass finds nothing left to move. */
  private void runToEnd(Run run) {
    try {
      while (true) {
        Pass pass = onePass(run);
        if (pass.interrupted) {
          LOG.info(() -> "Key rotation " + run.id() + " paused by shutdown; resumes at start");
          return;
        }
        if (pass.resealed == 0) {
          ledger.progress(run.id(), seal.fingerprints().get(0), 0, pass.unreadable);
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
    } catch (RuntimeException e) {
      LOG.log(
          Level.SEVERE,
          "Key rotation " + run.id() + " stopped; it resumes at the next start or request",
          e);
    }
  }

  private Pass onePass(Run run) {
    Pass pass = new Pass();
    String after = "";
    while (true) {
      if (Thread.currentThread().isInterrupted()) {
        pass.interrupted = true;
        return pass;
      }
      List<String> ring = seal.fingerprints();
      List<String> oldKeys = new ArrayList<>(ring.subList(1, ring.size()));
      List<Row> batch = ledger.nextUnder(oldKeys, after, config.rotationBatchSize());
      if (batch.isEmpty()) {
        return pass;
      }
      RotationBatches.Outcome outcome = batches.rotate(run.id(), batch);
      pass.resealed += outcome.resealed();
      pass.unreadable += outcome.unreadable();
      after = batch.get(batch.size() - 1).connectionId();
      if (!pause()) {
        pass.interrupted = true;
        return pass;
      }
    }
  }

  private boolean pause() {
    long millis = config.rotationPause().toMillis();
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
