package io.claribi.connections.boundary;

import io.claribi.connections.control.Connections;
import io.claribi.connections.entity.Connection;
import io.claribi.credentials.api.Credential;
import io.claribi.credentials.api.CredentialVault;
import io.claribi.credentials.api.TokenSet;
import io.claribi.platform.api.AuditEvent;
import io.claribi.platform.api.AuditEventType;
import io.claribi.platform.api.AuditText;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The transactions of a refresh: reading the connection's grant, renewing its credential under the
 * vault's row lock, auditing the renewal, and marking a connection whose grant the vendor refused.
 * Each is short and separate, so a refused refresh never leaves a lock on the connection row, and a
 * failed audit write never rolls back tokens the vendor has already issued.
 */
@ApplicationScoped
public class RefreshTransactions {

  @Inject Connections connections;
  @Inject CredentialVault vault;
  @Inject Event<AuditEvent> audit;

  /** A connection's vendor and grant; no grant if it was made without the OAuth flow. */
  public record Granted(String vendor, Optional<Connection.Grant> grant) {}

  @Transactional
  public Granted grantOf(ConnectionId id) {
    Connection connection =
        connections.find(id).orElseThrow(() -> ProblemException.notFound("Connection " + id));
    return new Granted(connection.vendor(), connection.grant());
  }

  /** What one renewal did: whether the token set was replaced, and the refresh token rotated. */
  public record Renewal(TokenSet tokens, boolean rotated) {}

  /**
   * Renews the credential if it is still about to expire once the vault's lock is held, in a
   * transaction of its own that holds nothing else: once the vendor has issued new tokens (and
   * perhaps spent the old refresh token), they are stored whatever happens afterwards. The caller
   * audits the renewal afterwards with {@link #recordRefreshed}.
   *
   * @return whether the token set was renewed, and if so whether the refresh token rotated
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<Renewed> renew(
      ConnectionId id, Instant freshUntil, Function<Credential, Renewal> renewal) {
    AtomicBoolean rotated = new AtomicBoolean();
    boolean renewed =
        vault.renew(
            id,
            freshUntil,
            credential -> {
              Renewal done = renewal.apply(credential);
              rotated.set(done.rotated());
              return done.tokens();
            });
    return renewed ? Optional.of(new Renewed(rotated.get())) : Optional.empty();
  }

  /** A renewal that was stored. */
  public record Renewed(boolean rotated) {}

  /** Audits a stored renewal, in a transaction of its own after the renewal's commit. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void recordRefreshed(ConnectionId id, String vendor, Renewed renewed) {
    audit.fire(
        AuditEvent.forConnection(
            AuditEventType.CREDENTIAL_REFRESHED,
            id.toString(),
            vendor,
            Map.of("rotated", Boolean.toString(renewed.rotated()))));
  }

  /**
   * The vendor refused the grant, or the stored credential cannot be opened: the connection waits
   * for an admin to connect it again. In a transaction of its own, so a caller's rollback (the
   * failed use itself) cannot undo it.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void requireReauthorization(ConnectionId id, String reason) {
    connections
        .find(id)
        .filter(Connection::isActive)
        .ifPresent(
            connection -> {
              connection.requireReauthorization();
              audit.fire(
                  AuditEvent.forConnection(
                      AuditEventType.CONNECTION_REAUTH_REQUIRED,
                      id.toString(),
                      connection.vendor(),
                      Map.of("reason", AuditText.visible(reason))));
            });
  }
}
