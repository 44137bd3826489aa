package io.claribi.platform.api;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies one data-source connection of an organization. Connections, credentials and audit all
 * refer to a connection, so its id lives in the shared kernel; the connection itself does not.
 */
public record ConnectionId(UUID value) {

  public ConnectionId {
    Objects.requireNonNull(value, "value");
  }

  public static ConnectionId random() {
    return new ConnectionId(UUID.randomUUID());
  }

  /**
   * @throws ProblemException 404, the same as for an id of another organization, for text that
   *     cannot be an id
   */
  public static ConnectionId parse(String text) {
    try {
      if (text != null && text.length() == 36) {
        return new ConnectionId(UUID.fromString(text));
      }
    } catch (IllegalArgumentException e) {
      // falls through to the same answer as an unknown id
    }
    throw ProblemException.notFound("Connection " + text);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
