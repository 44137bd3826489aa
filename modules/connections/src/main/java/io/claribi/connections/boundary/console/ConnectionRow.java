package io.claribi.connections.boundary.console;

import io.claribi.connections.boundary.ConnectionView;
import io.claribi.platform.api.console.ConsoleText;
import java.io.Serializable;

/** One of the organization's connections as the console's Data sources page lists it. */
public final class ConnectionRow implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String id;
  private final String state;
  private final String since;

  private ConnectionRow(String id, String state, String since) {
    this.id = id;
    this.state = state;
    this.since = since;
  }

  static ConnectionRow of(ConnectionView connection) {
    return new ConnectionRow(
        connection.id(),
        connection.state(),
        ConsoleText.when(
            connection.activatedAt() != null ? connection.activatedAt() : connection.createdAt()));
  }

  public String getId() {
    return id;
  }

  /** {@code ACTIVE}, {@code NEEDS_REAUTH} or {@code PENDING}. */
  public String getState() {
    return state;
  }

  public String getStateLabel() {
    return switch (state) {
      case "ACTIVE" -> "Connected";
      case "NEEDS_REAUTH" -> "Needs re-authorisation";
      case "PENDING" -> "Pending consent";
      default -> state;
    };
  }

  /** When it was connected, or (not yet connected) when the connect started. */
  public String getSince() {
    return since;
  }
}
