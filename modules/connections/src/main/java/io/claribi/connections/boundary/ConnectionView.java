package io.claribi.connections.boundary;

import io.claribi.connections.entity.Connection;
import java.time.Instant;

/** A connection as its organization's admins and integrators see it; never any secret. */
public record ConnectionView(
    String id,
    String vendor,
    String state,
    String createdBy,
    Instant createdAt,
    Instant activatedAt) {

  static ConnectionView of(Connection connection) {
    return new ConnectionView(
        connection.id().toString(),
        connection.vendor(),
        connection.state().name(),
        connection.createdBy(),
        connection.createdAt(),
        connection.activatedAt());
  }
}
