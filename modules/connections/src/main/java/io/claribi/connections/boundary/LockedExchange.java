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
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * One exchange with a vendor inside the connection's call fence: a transaction that holds a shared
 * lock on the connection row from before the credential is read until the vendor has answered. A
 * disconnect waits for it, and a call that comes after the disconnect finds no connection: no
 * request leaves for the vendor once a disconnect has committed. The transaction writes nothing.
 */
@ApplicationScoped
public class LockedExchange {

  @Inject ConnectionLock fence;
  @Inject CredentialVault vault;
  @Inject ConnectSettings settings;
  @Inject Clock clock;

  /**
   * Sends the exchange with the connection's credential, unless its access token is about to expire
   * and can be refreshed: then nothing is sent, and the answer is empty.
   */
  @Transactional
  public <T> Optional<T> send(
      ConnectionId connection, Function<Credential, T> exchange, boolean mayRefresh) {
    ConnectionState state =
        fence
            .hold(connection)
            .orElseThrow(() -> ProblemException.notFound("Connection " + connection));
    if (state != ConnectionState.ACTIVE) {
      throw ConnectionProblems.notActive(connection, state);
    }
    Instant freshUntil = clock.instant().plus(settings.refreshAhead());
    return vault.use(
        connection,
        credential ->
            mayRefresh && credential.canRefresh() && credential.expiresBefore(freshUntil)
                ? Optional.empty()
                : Optional.of(exchange.apply(credential)));
  }
}
