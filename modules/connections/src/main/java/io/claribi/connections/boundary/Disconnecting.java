package io.claribi.connections.boundary;

import io.claribi.catalog.api.VendorRetired;
import io.claribi.connections.api.ConnectionDisconnected;
import io.claribi.connections.api.ConnectionDisconnecting;
import io.claribi.connections.control.ConnectionLock;
import io.claribi.connections.control.Connections;
import io.claribi.connections.control.CrossTenantConnections;
import io.claribi.connections.entity.Connection;
import io.claribi.credentials.api.CredentialUnavailableException;
import io.claribi.credentials.api.CredentialVault;
import io.claribi.platform.api.AuditEvent;
import io.claribi.platform.api.AuditEventType;
import io.claribi.platform.api.AuditText;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.OrganizationId;
import io.claribi.platform.api.ProblemException;
import io.claribi.platform.api.TenantBinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deletes connections: the credential row and the connection in one transaction, with the audit
 * record, and closes the vendor session (its {@code DELETE} with the token). The one token the
 * vendor must still revoke is queued in the same transaction ({@link RevocationQueue}, sealed) and
 * revoked once it has committed; it goes as soon as the vendor has answered. Nothing else is kept:
 * no soft delete, no tombstone.
 *
 * <p>Each connection's call fence is taken exclusively first, which waits for the calls holding it
 * and holds back later ones; so a call either finished before the commit or finds no connection
 * after it.
 */
@ApplicationScoped
public class Disconnecting {

  @Inject Connections connections;
  @Inject ConnectionLock lock;
  @Inject CrossTenantConnections crossTenant;
  @Inject CredentialVault vault;
  @Inject TenantBinding tenancy;
  @Inject Event<AuditEvent> audit;
  @Inject Event<Disconnected> disconnected;
  @Inject Event<ConnectionDisconnecting> disconnecting;
  @Inject Event<ConnectionDisconnected> gone;
  @Inject RevocationQueue revocationQueue;
  @Inject Clock clock;

  /**
   * The connections deleted by a transaction, and those whose revocation it queued, to act on after
   * it commits.
   */
  public record Disconnected(
      List<ConnectionId> connections, List<CrossTenantConnections.Attempt> revocations) {}

  /** An org admin disconnects one of the organization's connections, whatever its state. */
  @Transactional
  public void disconnect(ConnectionId id) {
    lock.holdExclusively(id);
    Connection connection =
        connections
            .lockExclusively(id)
            .orElseThrow(() -> ProblemException.notFound("Connection " + id));
    List<CrossTenantConnections.Attempt> revocations = new ArrayList<>();
    closeSession(connection);
    if (revocationQueue.queue(connection)) {
      revocations.add(new CrossTenantConnections.Attempt(tenancy.organization(), id));
    }
    delete(connection, "disconnected by an org admin");
    disconnected.fire(new Disconnected(List.of(id), revocations));
  }

  /** Retiring a vendor disconnects every organization's connections to it, in the same tx. */
  void onVendorRetired(@Observes VendorRetired retired) {
    List<ConnectionId> deleted = new ArrayList<>();
    List<CrossTenantConnections.Attempt> revocations = new ArrayList<>();
    String vendor = retired.vendor().value();
    // chain heads in the one order (the database's ORDER BY may collate otherwise)
    for (OrganizationId organization :
        crossTenant.organizationsConnectedTo(vendor).stream()
            .sorted(OrganizationId.LOCK_ORDER)
            .toList()) {
      try (TenantBinding.OperatorScope scope = tenancy.actAsOperatorFor(organization)) {
        for (Connection found : connections.at(vendor)) {
          lock.holdExclusively(found.id());
          Optional<Connection> locked = connections.lockExclusively(found.id());
          if (locked.isPresent()) {
            closeSession(locked.get());
            if (revocationQueue.queue(locked.get())) {
              revocations.add(new CrossTenantConnections.Attempt(organization, found.id()));
            }
            deleted.add(delete(locked.get(), "vendor retired: " + retired.reason()));
          }
        }
      }
    }
    disconnected.fire(new Disconnected(deleted, revocations));
  }

  /**
   * Closes the connection's vendor session while its credential still exists and no call holds the
   * fence, so the session's closing {@code DELETE} carries the token; without a usable credential
   * the session is dropped and nothing is sent. It happens before the commit: no message of this
   * connection leaves after it.
   */
  private void closeSession(Connection connection) {
    ConnectionId id = connection.id();
    try {
      vault.use(
          id,
          credential -> {
            disconnecting.fire(
                new ConnectionDisconnecting(
                    id,
                    credential.expiresBefore(clock.instant())
                        ? Optional.empty()
                        : Optional.of(credential)));
            return null;
          });
    } catch (CredentialUnavailableException none) {
      disconnecting.fire(new ConnectionDisconnecting(id, Optional.empty()));
    }
  }

  private ConnectionId delete(Connection connection, String reason) {
    vault.delete(connection.id());
    connections.delete(connection);
    audit.fire(
        AuditEvent.forConnection(
            AuditEventType.CONNECTION_DISCONNECTED,
            connection.id().toString(),
            connection.vendor(),
            Map.of("reason", AuditText.visible(reason))));
    return connection.id();
  }

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Disconnected event) {
    event.connections().forEach(id -> gone.fire(new ConnectionDisconnected(id)));
    revocationQueue.attemptSoon(event.revocations());
  }
}
