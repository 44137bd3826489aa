package io.claribi.connections.boundary;

import io.claribi.connections.control.ConnectSettings;
import io.claribi.connections.control.CrossTenantConnections.Attempt;
import io.claribi.connections.control.QueuedRevocations;
import io.claribi.connections.control.authorization.ConfiguredClients;
import io.claribi.connections.control.authorization.LentClient;
import io.claribi.connections.control.authorization.PendingRevocation;
import io.claribi.connections.control.authorization.Revoker;
import io.claribi.connections.control.authorization.Revoker.Outcome;
import io.claribi.connections.control.authorization.VendorAuthorization;
import io.claribi.connections.entity.QueuedRevocation;
import io.claribi.credentials.api.ClientSecretVault;
import io.claribi.credentials.api.CredentialKeyRemovedException;
import io.claribi.credentials.api.CredentialUnavailableException;
import io.claribi.credentials.api.RevocationVault;
import io.claribi.platform.api.NodeName;
import io.claribi.platform.api.TenantBinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One attempt at a revocation owed to a vendor, on whichever node makes it: claim the queued row
 * under its lock (due, and no live lease of another node), send the request with the token lent
 * from the vault and no transaction open, then settle the row: deleted with its token when the
 * vendor answered (or nobody ever can), released for a later attempt by any node when it could not
 * be reached. Runs outside requests, acting as the system for the row's organization.
 */
@ApplicationScoped
public class RevocationAttempts {

  private static final Logger LOG = Logger.getLogger(RevocationAttempts.class.getName());

  /** What an attempt needs from its queued row. */
  public record Claimed(String vendor, String issuer, String clientId, int attempt) {}

  @Inject QueuedRevocations queue;
  @Inject RevocationVault tokens;
  @Inject ClientSecretVault clientSecrets;
  @Inject ConfiguredClients clients;
  @Inject VendorAuthorization authorization;
  @Inject TenantBinding tenancy;
  @Inject ConnectSettings settings;
  @Inject Clock clock;
  @Inject RevocationAttempts self;

  private final String node = NodeName.current();

  /** This node as the queue names the worker of an attempt. */
  public String node() {
    return node;
  }

  /**
   * Claims, sends and settles one revocation; empty if it was not this node's to make (not due, or
   * another live node holds it, or already done).
   */
  @ActivateRequestContext
  public Optional<Outcome> attempt(Attempt where) {
    Optional<Claimed> claimed = self.claim(where);
    if (claimed.isEmpty()) {
      return Optional.empty();
    }
    Outcome outcome = send(where, claimed.get());
    self.settle(where, outcome);
    return Optional.of(outcome);
  }

  /** Step 1 of {@link #attempt}, in a transaction of its own (public for the CDI proxy). */
  @Transactional(TxType.REQUIRES_NEW)
  public Optional<Claimed> claim(Attempt where) {
    try (TenantBinding.OperatorScope scope = tenancy.actAsSystemFor(where.organization())) {
      Instant now = clock.instant();
      Optional<QueuedRevocation> row = queue.lock(where.connection());
      if (row.isEmpty() || !row.get().claimableBy(node, now)) {
        return Optional.empty();
      }
      QueuedRevocation revocation = row.get();
      if (!tokens.opensHere(where.connection())) {
        // Sealed with a key this node has not loaded: another node may have it. Only once every
        // node has had its chances is the revocation given up.
        if (revocation.queuedAt().plus(settings.revocationWindow()).isBefore(now)) {
          LOG.warning(
              () ->
                  "Revocation for "
                      + where.connection()
                      + ": its token is sealed with a key no node opened it with since "
                      + revocation.queuedAt()
                      + "; given up, it expires at the vendor on its own");
          tokens.forget(where.connection());
          queue.delete(revocation);
        }
        return Optional.empty();
      }
      revocation.claim(node, now.plus(settings.revocationLease()));
      return Optional.of(
          new Claimed(
              revocation.vendor(),
              revocation.issuer(),
              revocation.clientId(),
              revocation.attempts()));
    }
  }

  /** The request itself, with no transaction open: the vendor may take its time. */
  private Outcome send(Attempt where, Claimed claimed) {
    Revoker revoker = authorization.revoker();
    try (TenantBinding.OperatorScope scope = tenancy.actAsSystemFor(where.organization())) {
      return tokens
          .use(
              where.connection(),
              token ->
                  LentClient.with(
                      clients.forVendor(claimed.vendor(), claimed.issuer()),
                      clientSecrets,
                      claimed.issuer(),
                      claimed.clientId(),
                      client ->
                          revoker.revoke(
                              new PendingRevocation(
                                  where.connection().toString(), claimed.issuer(), client, token))))
          .orElseGet(
              () -> {
                LOG.warning(
                    () ->
                        "Revocation for "
                            + where.connection()
                            + ": no token is kept for it; nothing can be revoked");
                return Outcome.REFUSED;
              });
    } catch (CredentialKeyRemovedException keyNotHere) {
      // its key left this node's ring since the claim: a node that has it may try later
      LOG.warning(
          () ->
              "Revocation for "
                  + where.connection()
                  + ": its key is not in this node's key ring; another attempt comes later");
      return Outcome.UNAVAILABLE;
    } catch (CredentialUnavailableException unreadable) {
      LOG.warning(
          () ->
              "Revocation for "
                  + where.connection()
                  + ": its token cannot be opened ("
                  + unreadable.code()
                  + "); it expires at the vendor on its own");
      return Outcome.REFUSED;
    } catch (RuntimeException e) {
      // e.g. the operator's client configuration for the vendor is broken: worth another try
      LOG.log(Level.WARNING, "Revocation for " + where.connection() + " could not be sent", e);
      return Outcome.UNAVAILABLE;
    }
  }

  /** Step 3 of {@link #attempt}, in a transaction of its own (public for the CDI proxy). */
  @Transactional(TxType.REQUIRES_NEW)
  public void settle(Attempt where, Outcome outcome) {
    try (TenantBinding.OperatorScope scope = tenancy.actAsSystemFor(where.organization())) {
      Optional<QueuedRevocation> row = queue.lock(where.connection());
      if (row.isEmpty() || !row.get().worker().map(node::equals).orElse(false)) {
        return; // another node took it over after this one's lease ran out: its attempt counts
      }
      QueuedRevocation revocation = row.get();
      if (outcome.worthRetrying()
          && revocation.failed(settings.revocationRetries(), clock.instant())) {
        return;
      }
      if (outcome.worthRetrying()) {
        LOG.warning(
            () ->
                "Revocation for "
                    + where.connection()
                    + " at "
                    + revocation.issuer()
                    + " gave up after "
                    + revocation.attempts()
                    + " attempts; the token expires at the vendor on its own");
      }
      tokens.forget(where.connection());
      queue.delete(revocation);
    }
  }
}
