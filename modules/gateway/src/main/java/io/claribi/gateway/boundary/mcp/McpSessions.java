package io.claribi.gateway.boundary.mcp;

import io.claribi.platform.api.OrganizationId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open MCP sessions of this node: whose they are, and when they were last used. A session is
 * used only by the organization and actor that opened it; one idle for longer than the timeout is
 * over; an organization holds at most its limit of sessions at once.
 */
final class McpSessions {

  /** What a request naming a session finds. */
  enum Use {
    OK,
    UNKNOWN,
    EXPIRED
  }

  private record Entry(McpCaller owner, Instant lastUsed) {}

  private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
  private final int perOrganization;
  private final Duration idleTimeout;
  private final Clock clock;
  private final Optional<McpToolChanges> changes;

  McpSessions(int perOrganization, Duration idleTimeout, Clock clock) {
    this(perOrganization, idleTimeout, clock, null);
  }

  /** With {@code changes}, which is told when a session opens and ends so it can be notified. */
  McpSessions(int perOrganization, Duration idleTimeout, Clock clock, McpToolChanges changes) {
    this.perOrganization = perOrganization;
    this.idleTimeout = idleTimeout;
    this.clock = clock;
    this.changes = Optional.ofNullable(changes);
  }

  /** Whether the organization may open one more session now (call {@link #expired} first). */
  synchronized boolean mayOpen(OrganizationId organization) {
    return count(organization) < perOrganization;
  }

  synchronized void opened(String id, McpCaller owner) {
    sessions.put(id, new Entry(owner, clock.instant()));
    changes.ifPresent(c -> c.opened(id, owner.organization()));
  }

  /**
   * The session as the caller may use it: unknown when it was never opened here or was opened by
   * someone else (another organization never learns that it exists), expired when idle too long.
   */
  synchronized Use use(String id, McpCaller caller) {
    Entry entry = sessions.get(id);
    if (entry == null || !entry.owner().equals(caller)) {
      return Use.UNKNOWN;
    }
    Instant now = clock.instant();
    if (isIdle(entry, now)) {
      sessions.remove(id);
      changes.ifPresent(c -> c.ended(id));
      return Use.EXPIRED;
    }
    sessions.put(id, new Entry(entry.owner(), now));
    return Use.OK;
  }

  synchronized void closed(String id) {
    sessions.remove(id);
    changes.ifPresent(c -> c.ended(id));
  }

  /** Forgets every session idle too long and returns their ids, so the SDK can close them too. */
  synchronized List<String> expired() {
    Instant now = clock.instant();
    List<String> ids = new ArrayList<>();
    sessions.forEach(
        (id, entry) -> {
          if (isIdle(entry, now)) {
            ids.add(id);
          }
        });
    ids.forEach(sessions::remove);
    changes.ifPresent(c -> ids.forEach(c::ended));
    return ids;
  }

  synchronized int count(OrganizationId organization) {
    return (int)
        sessions.values().stream()
            .filter(e -> e.owner().organization().equals(organization))
            .count();
  }

  private boolean isIdle(Entry entry, Instant now) {
    return entry.lastUsed().plus(idleTimeout).isBefore(now);
  }
}
