package io.claribi.gateway.boundary;

import io.claribi.connections.api.ConnectionDisconnected;
import io.claribi.connections.api.ConnectionDisconnecting;
import io.claribi.gateway.control.mcpclient.VendorSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * A disconnect ends the connection's MCP session: inside its transaction, while the credential
 * still exists and no call holds the fence, the session's closing {@code DELETE} carries the token
 * (without a usable credential the session is dropped and nothing is sent); after the commit,
 * whatever is left of it is dropped.
 */
@ApplicationScoped
public class SessionClosing {

  @Inject VendorSessions sessions;

  void disconnecting(@Observes ConnectionDisconnecting event) {
    event
        .credential()
        .ifPresentOrElse(
            credential -> sessions.close(event.connection(), credential),
            () -> sessions.close(event.connection()));
  }

  void disconnected(@Observes ConnectionDisconnected event) {
    sessions.close(event.connection());
  }
}
