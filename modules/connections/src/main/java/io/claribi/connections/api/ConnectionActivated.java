package io.claribi.connections.api;

import io.claribi.platform.api.ConnectionId;

/**
 * A connect completed: the vendor's consent is in and the connection is active. Fired after the
 * commit, with the connection's organization bound (system binding); an observer's failure does not
 * undo the connection. The gateway lists the vendor's tools for the operator on it.
 */
public record ConnectionActivated(ConnectionId connection) {}
