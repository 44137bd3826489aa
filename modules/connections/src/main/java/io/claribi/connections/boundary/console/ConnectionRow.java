package io.claribi.connections.boundary.console;

import io.claribi.connections.boundary.ConnectionView;
import io.claribi.platform.api.console.ConsoleText;
import java.io.Serializable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** One of the organization's connections as the console's Data sources page lists it. */
public final class ConnectionRow implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String id;
  private final String name;
  private final String state;
  private final String since;
  private final Instant lastUsedAt;
  private final Instant sinceAt;

  private ConnectionRow(String id, String name, String state, Instant sinceAt, Instant lastUsedAt) {
    this.id = id;
    this.name = name;
    this.state = state;
    this.sinceAt = sinceAt;
    this.since = ConsoleText.when(sinceAt);
    this.lastUsedAt = lastUsedAt;
  }

  /**
   * @param vendorName what a connection made before connections had names is called
   */
  static ConnectionRow of(ConnectionView connection, String vendorName) {
    return new ConnectionRow(
        connection.id(),
        connection.displayName() != null ? connection.displayName() : vendorName,
        connection.state(),
        connection.activatedAt() != null ? connection.activatedAt() : connection.createdAt(),
        connection.lastUsedAt());
  }

  public String getId() {
    return id;
  }

  /** Its display name (the vendor's name for a connection older than names). */
  public String getName() {
    return name;
  }

  /** For the page's {@code claribi:time}, in the person's zone (decision 56). */
  public Instant getSinceAt() {
    return sinceAt;
  }

  public Instant getLastUsedAt() {
    return lastUsedAt;
  }

  public boolean isUsed() {
    return lastUsedAt != null;
  }

  /** When its last tool call was made, for people ("Never used" when {@link #isUsed} is false). */
  public String getLastUsed() {
    return lastUsedAt == null ? "Never used" : ConsoleText.when(lastUsedAt);
  }

  /** The same time for machines: ISO 8601 in UTC, for a {@code <time datetime>} attribute. */
  public String getLastUsedIso() {
    return lastUsedAt == null ? "" : lastUsedAt.truncatedTo(ChronoUnit.SECONDS).toString();
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
