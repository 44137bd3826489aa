package io.claribi.connections.api;

import io.claribi.credentials.api.Credential;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.OrganizationId;
import java.util.function.Function;

/**
 * Sends one exchange with a vendor using a connection's lent credential: inside the connection's
 * call fence (a disconnect waits for it, and no request leaves once a disconnect has committed),
 * with an access token about to expire refreshed first, outside the fence. The credential exists
 * only for the length of the exchange.
 */
public interface ConnectionExchange {

  /**
   * Sends the exchange for the bound organization.
   *
   * @throws io.claribi.platform.api.ProblemException 404 for an unknown connection, 409 {@code
   *     CONNECTION_NOT_ACTIVE} or {@code CONNECTION_NEEDS_REAUTH} (see {@link
   *     ConnectionProblems#notActive})
   */
  <T> T send(ConnectionId connection, Function<Credential, T> exchange);

  /**
   * Sends an exchange that no request started (an MCP session's own messages), bound to the
   * connection's organization with the system binding, in a request context of its own.
   */
  <T> T sendFor(
      OrganizationId organization, ConnectionId connection, Function<Credential, T> exchange);
}
