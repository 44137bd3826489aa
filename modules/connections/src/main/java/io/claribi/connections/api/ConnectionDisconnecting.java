package io.claribi.connections.api;

import io.claribi.credentials.api.Credential;
import io.claribi.platform.api.ConnectionId;
import java.util.Optional;

/**
 * A connection is being deleted: fired inside the disconnect's transaction, under the connection's
 * exclusive call fence and before the credential row goes, so an observer may still send a last
 * message with it (the MCP session's closing {@code DELETE}) and nothing of the connection leaves
 * after the commit. Observers must be synchronous and quick.
 *
 * @param credential the connection's credential, empty if it cannot be used (expired, unreadable)
 */
public record ConnectionDisconnecting(ConnectionId connection, Optional<Credential> credential) {}
