package io.claribi.credentials.boundary;

import io.claribi.credentials.api.CredentialUnavailableException;
import io.claribi.credentials.control.CredentialSeal;
import io.claribi.credentials.control.CredentialSeal.Sealed;
import io.claribi.credentials.control.RotationLedger;
import io.claribi.credentials.control.RotationLedger.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * Re-encrypts one small batch in its own transaction, together with the run's progress, so a crash
 * loses at most one uncommitted batch and the count always matches the rows.
 */
@ApplicationScoped
public class RotationBatches {

  private static final Logger LOG = Logger.getLogger(RotationBatches.class.getName());

  /**
   * What one batch did; {@code last} is the id to continue after, empty when none was left; {@code
   * held} false if the worker had lost the run to another node and did nothing.
   */
  public record Outcome(
      int resealed, int unreadable, java.util.Optional<String> last, boolean held) {

    static Outcome lost() {
      return new Outcome(0, 0, java.util.Optional.empty(), false);
    }
  }

  @Inject RotationLedger ledger;
  @Inject CredentialSeal seal;
  @Inject Clock clock;

  /**
   * Takes the run's lock and extends {@code worker}'s lease on it to {@code leaseUntil}, then reads
   * and re-encrypts the next rows after {@code after} that an older key of the ring sealed. Reading
   * under the lock means the jobs of several servers never hold row locks while waiting for each
   * other; a worker that no longer holds the run does nothing.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public Outcome rotate(String runId, String worker, Instant leaseUntil, String after, int size) {
    if (!ledger.lockRun(runId, worker, leaseUntil)) {
      return Outcome.lost();
    }
    List<String> ring = seal.fingerprints();
    String target = ring.get(0);
    List<Row> batch = ledger.nextUnder(ring.subList(1, ring.size()), after, size);
    int resealed = 0;
    int unreadable = 0;
    java.util.Map<String, Long> perOrganization = new java.util.TreeMap<>();
    for (Row row : batch) {
      Sealed next;
      try {
        next = seal.reseal(row.sealed());
      } catch (CredentialUnavailableException e) {
        unreadable++;
        LOG.warning(
            () ->
                "Key rotation skipped the credential of connection "
                    + row.connectionId()
                    + ": "
                    + e.code()
                    + " (its connection must be authorised again)");
        continue;
      }
      if (!next.keyFingerprint().equals(row.sealed().keyFingerprint())
          && ledger.replace(row, next, clock.instant())) {
        resealed++;
        perOrganization.merge(row.organizationId(), 1L, Long::sum);
      }
    }
    ledger.progress(runId, target, resealed, 0);
    perOrganization.forEach((organization, rows) -> ledger.countFor(runId, organization, rows));
    return new Outcome(
        resealed,
        unreadable,
        batch.isEmpty()
            ? java.util.Optional.empty()
            : java.util.Optional.of(batch.get(batch.size() - 1).connectionId()),
        true);
  }
}
