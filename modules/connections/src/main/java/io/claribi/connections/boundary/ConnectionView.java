package io.claribi.connections.boundary;

import io.claribi.connections.entity.Connection;
import java.time.Instant;

/**
 * A connection as its organization's admins and integrators see it; never any secret. {@code
 * displayName} is null for a connection made before connections had names; {@code lastUsedAt} is
 * null for one never used.
 */
public record ConnectionView(
    String id,
    String vendor,
    String state,
    String createdBy,
    Instant createdAt,
    Instant activatedAt,
    String displayName,
    Instant lastUsedAt) {

  /**
   * @param lastUsedAt when its last tool call was made, or null if it was never used
   */
  static ConnectionView of(Connection connection, Instant lastUsedAt) {
    return new ConnectionView(
        connection.id().toString(),
        connection.vendor(),
        connection.state().name(),
        connection.createdBy(),
        connection.createdAt(),
        connection.activatedAt(),
        connection.displayName().orElse(null),
        lastUsedAt);
  }
}
