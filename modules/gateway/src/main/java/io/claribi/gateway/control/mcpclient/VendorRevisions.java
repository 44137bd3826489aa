package io.claribi.gateway.control.mcpclient;

import io.modelcontextprotocol.modern.McpException;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.client.transport.McpHttpStatusException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What each vendor server speaks, remembered per server URL: a {@code server/discover} in
 * 2026-07-28 is tried first, and a server that answers it as a 2025 server would (it wants a
 * session or an {@code initialize}) is spoken to in sessions. Bounded (least recently used goes
 * first) and forgotten after a while, so a vendor that moves to the new revision is noticed without
 * a restart; a failure that says nothing about the revision (down, slow, refused token) remembers
 * nothing.
 */
final class VendorRevisions {

  /** Servers remembered at once; enough for every catalog vendor of a large installation. */
  static final int MAX_SERVERS = 1_000;

  /** How long an answer holds before the server is asked again. */
  static final Duration REMEMBERED_FOR = Duration.ofHours(1);

  /**
   * Statuses with which a 2025 server refuses a {@code server/discover} that has no session: 400
   * (no session id), 404 (unknown session, or a server that routes by session), 405 and 406/415
   * (verbs or media types of the other revision).
   */
  private static final Set<Integer> NOT_THIS_REVISION = Set.of(400, 404, 405, 406, 415);

  private record Known(VendorRevision revision, Instant until) {}

  private final int capacity;
  private final Duration rememberedFor;
  private final Clock clock;
  private final Map<URI, Known> known;

  VendorRevisions(int capacity, Duration rememberedFor, Clock clock) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
    }
    if (rememberedFor.isNegative() || rememberedFor.isZero()) {
      throw new IllegalArgumentException("rememberedFor must be positive: " + rememberedFor);
    }
    this.capacity = capacity;
    this.rememberedFor = rememberedFor;
    this.clock = clock;
    this.known = new LinkedHashMap<>(16, 0.75f, true);
  }

  /**
   * The revision of {@code server}, discovering it with {@code discover} when it is not known (or
   * no longer): two callers may both discover at once, which costs one request more and is cheaper
   * than holding a lock over a network round trip.
   */
  VendorRevision of(URI server, Supplier<VendorRevision> discover) {
    Optional<VendorRevision> remembered = remembered(server);
    if (remembered.isPresent()) {
      return remembered.get();
    }
    VendorRevision found = discover.get();
    remember(server, found);
    return found;
  }

  /**
   * Asks {@code server} again next time (it failed in a way a change of revision would explain).
   */
  synchronized void forget(URI server) {
    known.remove(server);
  }

  synchronized int size() {
    return known.size();
  }

  private synchronized Optional<VendorRevision> remembered(URI server) {
    Known entry = known.get(server);
    if (entry == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(entry.until())) {
      known.remove(server);
      return Optional.empty();
    }
    return Optional.of(entry.revision());
  }

  private synchronized void remember(URI server, VendorRevision revision) {
    known.put(server, new Known(revision, clock.instant().plus(rememberedFor)));
    if (known.size() > capacity) {
      known.remove(known.keySet().iterator().next());
    }
  }

  /**
   * Whether a failed stateless exchange was refused the way a server of the other revision refuses
   * it (an HTTP status of {@link #NOT_THIS_REVISION}): then the server is asked again next time.
   */
  static boolean otherRevision(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof McpHttpStatusException status) {
        return NOT_THIS_REVISION.contains(status.statusCode());
      }
    }
    return false;
  }

  /** A server that answered {@code server/discover}: stateless if it lists our revision. */
  static VendorRevision answered(McpSchema.DiscoverResult discovered) {
    return discovered.supportedVersions() != null
            && discovered.supportedVersions().contains(McpSchema.LATEST_PROTOCOL_VERSION)
        ? VendorRevision.STATELESS
        : VendorRevision.SESSIONS;
  }

  /**
   * A {@code server/discover} that failed in the way a 2025 server fails it (an HTTP status of the
   * other revision, or a JSON-RPC error such as an unknown method or a missing session): sessions.
   * Any other failure (401/403, 5xx, a time-out, no connection) says nothing about the revision.
   */
  static Optional<VendorRevision> refused(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof McpHttpStatusException status) {
        return NOT_THIS_REVISION.contains(status.statusCode())
            ? Optional.of(VendorRevision.SESSIONS)
            : Optional.empty();
      }
      if (t instanceof McpException error && error.error() != null) {
        // A 2026 server answers server/discover itself; an error of its own other than an
        // internal one (method unknown, version unsupported, no session) is a 2025 server's.
        return Integer.valueOf(McpSchema.ErrorCodes.INTERNAL_ERROR).equals(error.error().code())
            ? Optional.empty()
            : Optional.of(VendorRevision.SESSIONS);
      }
    }
    return Optional.empty();
  }
}
