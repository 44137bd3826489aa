package io.claribi.connections.boundary;

import io.claribi.connections.api.ConnectionProblems;
import io.claribi.connections.api.ConnectionState;
import io.claribi.connections.control.ConnectSettings;
import io.claribi.connections.control.ConnectionLock;
import io.claribi.credentials.api.Credential;
import io.claribi.credentials.api.CredentialVault;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

/**
 * One exchange with a vendor inside the connection's call fence: a shared lock on the connection,
 * held from before the credential is read until the vendor has answered. A disconnect waits for it,
 * and a call that comes after the disconnect finds no connection: no request leaves for the vendor
 * once a disconnect has committed. The lock lives on a connection of the fence pool; no application
 * transaction and no connection of the application's pool is held while the vendor works (decision
 * 36): the credential is read in a short transaction of its own.
 */
@ApplicationScoped
public class LockedExchange {

  @Inject ConnectionLock lock;
  @Inject CredentialVault vault;
  @Inject ConnectSettings settings;
  @Inject Clock clock;

  /** What an exchange under the lock came to. */
  public sealed interface Outcome<T> {}

  /** The vendor's answer. */
  public record Sent<T>(T answer) implements Outcome<T> {}

  /** Nothing was sent: the access token is about to expire and can be refreshed first. */
  public record RefreshFirst<T>() implements Outcome<T> {}

  /**
   * Sends the exchange with the connection's credential, unless its access token is about to expire
   * and can be refreshed.
   */
  public <T> Outcome<T> sendUnlessRefreshDue(
      ConnectionId connection, Function<Credential, T> exchange) {
    Instant freshUntil = clock.instant().plus(settings.refreshAhead());
    return underLock(
        connection,
        credential ->
            credential.canRefresh() && credential.expiresBefore(freshUntil)
                ? new RefreshFirst<>()
                : new Sent<>(exchange.apply(credential)));
  }

  /** Sends the exchange with whatever credential the vault holds (after a refresh, or none due). */
  public <T> T send(ConnectionId connection, Function<Credential, T> exchange) {
    return underLock(connection, exchange);
  }

  private <T> T underLock(ConnectionId connection, Function<Credential, T> exchange) {
    try (ConnectionLock.Fence fence = lock.enter(connection)) {
      ConnectionState state =
          fence.state().orElseThrow(() -> ProblemException.notFound("Connection " + connection));
      if (state != ConnectionState.ACTIVE) {
        throw ConnectionProblems.notActive(connection, state);
      }
      return vault.use(connection, exchange::apply);
    }
  }
}
