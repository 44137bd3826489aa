package io.claribi.connections.boundary;

import io.claribi.connections.control.ConnectSettings;
import io.claribi.connections.control.CrossTenantConnections;
import io.claribi.connections.control.CrossTenantConnections.Attempt;
import io.claribi.connections.control.QueuedRevocations;
import io.claribi.connections.entity.Connection;
import io.claribi.connections.entity.QueuedRevocation;
import io.claribi.credentials.api.CredentialUnavailableException;
import io.claribi.credentials.api.CredentialVault;
import io.claribi.credentials.api.RevocationVault;
import io.claribi.credentials.api.TokenToRevoke;
import io.claribi.platform.api.DatabaseUnavailable;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The revocations owed to vendors for deleted connections, kept in the database so that none is
 * lost with the node that owed it (decision 52). A disconnect queues its connection's token in its
 * own transaction (sealed in the revocation vault, and a row saying where to send it, held by this
 * node); once it has committed, this node makes the first attempt at once. A vendor that cannot be
 * reached is asked again after each pause of {@code claribi.connections.revocation-retries}, by
 * whichever node's sweep finds the revocation due first; a node that dies mid-attempt holds its
 * revocation only until its lease runs out. The row and its token go when the vendor has answered
 * or the retries are spent.
 */
@ApplicationScoped
public class RevocationQueue {

  private static final Logger LOG = Logger.getLogger(RevocationQueue.class.getName());
  private static final int BATCH = 100;

  @Inject QueuedRevocations queue;
  @Inject CredentialVault vault;
  @Inject RevocationVault tokens;
  @Inject RevocationAttempts attempts;
  @Inject CrossTenantConnections crossTenant;
  @Inject ConnectSettings settings;
  @Inject Clock clock;

  /** Without the caller of the disconnect's request: the attempt acts as the system. */
  @Resource(lookup = "java:app/concurrent/systemJobs")
  ManagedExecutorService executor;

  @Resource ManagedScheduledExecutorService scheduler;

  private ScheduledFuture<?> sweeping;

  void start(@Observes Startup startup) {
    long every = settings.revocationSweep().toMillis();
    sweeping =
        scheduler.scheduleWithFixedDelay(this::sweepQuietly, every, every, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (sweeping != null) {
      sweeping.cancel(false);
    }
  }

  /**
   * Queues the revocation of a connection's token, in the disconnect's transaction and before its
   * credential is deleted there: the token to revoke is sealed again on its own, and the row names
   * the vendor's authorization server and the client the grant was made to.
   *
   * @return whether there was anything to revoke (a PENDING or unreadable connection has nothing)
   */
  @Transactional(TxType.MANDATORY)
  public boolean queue(Connection connection) {
    if (connection.grant().isEmpty()) {
      return false;
    }
    Connection.Grant grant = connection.grant().get();
    TokenToRevoke token;
    try {
      token = vault.use(connection.id(), TokenToRevoke::of);
    } catch (CredentialUnavailableException none) {
      return false; // nothing stored, or it does not open: nothing that could be revoked
    }
    Instant now = clock.instant();
    tokens.keep(connection.id(), token);
    queue.add(
        new QueuedRevocation(
            connection.id(),
            connection.vendor(),
            grant.issuer(),
            grant.clientId(),
            now,
            attempts.node(),
            now.plus(settings.revocationLease())));
    return true;
  }

  /**
   * After the disconnect has committed: the first attempts, at once, on the application's job
   * executor (not the request's: it has no caller, so the attempt may act as the system). Should
   * the executor refuse, the sweep makes them once this node's lease has run out.
   */
  public void attemptSoon(List<Attempt> queued) {
    for (Attempt where : queued) {
      try {
        executor.execute(() -> attemptQuietly(where));
      } catch (RejectedExecutionException e) {
        LOG.warning(() -> "Revocation for " + where.connection() + " left to the sweep: " + e);
      }
    }
  }

  /** One pass over the revocations due; how many attempts it made. */
  @ActivateRequestContext
  public int sweep() {
    int made = 0;
    for (Attempt due : crossTenant.dueRevocations(clock.instant(), BATCH)) {
      if (attempts.attempt(due).isPresent()) {
        made++;
      }
    }
    return made;
  }

  private void attemptQuietly(Attempt where) {
    try {
      attempts.attempt(where);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Revocation for " + where.connection() + " failed; the sweep tries again",
          e);
    }
  }

  private void sweepQuietly() {
    try {
      int made = sweep();
      if (made > 0) {
        LOG.info(() -> "Made " + made + " revocation attempts that were due");
      }
    } catch (RuntimeException e) {
      Optional<String> away = DatabaseUnavailable.in(e);
      if (away.isPresent()) {
        // the database is away: one line per pass, no stack trace; the next pass tries again
        LOG.warning(
            () ->
                "Sweeping due revocations: the database is unavailable (SQL state "
                    + away.get()
                    + "); the next pass tries again");
      } else {
        LOG.log(Level.WARNING, "Sweeping due revocations failed; the next pass tries again", e);
      }
    }
  }
}
