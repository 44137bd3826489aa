package io.claribi.connections.api;

import io.claribi.platform.api.ConnectionId;

/**
 * A connection was deleted: fired after the commit of its disconnect (or of its vendor's
 * retirement). Whatever an observer still keeps of it (an MCP session) goes now, without sending
 * anything: the last message was sent during {@link ConnectionDisconnecting}.
 */
public record ConnectionDisconnected(ConnectionId connection) {}
