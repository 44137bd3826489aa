package io.claribi.gateway.boundary.mcp;

import io.claribi.gateway.boundary.ToolListing;
import io.claribi.platform.api.OrganizationId;
import io.claribi.platform.api.TenantBinding;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Tells an open MCP session (2025 revisions) or a {@code subscriptions/listen} stream (2026-07-28)
 * when its organization's tools changed: {@code notifications/tools/list_changed} on the session's
 * event stream, or on the subscription's. Every node compares, on a short timer, what {@code
 * tools/list} would show each organization with listeners here against what each was last shown.
 * The list is read from the database like any {@code tools/list}, so whatever changed it (an
 * operator's decision, a connect or disconnect, a plan change, a vendor's re-listing) and on
 * whichever node it was committed, the session hears of it within one period. No change event has
 * to travel between contexts or nodes (decisions 0044 and 0046).
 */
@ApplicationScoped
public class McpToolChanges {

  private static final Logger LOG = Logger.getLogger(McpToolChanges.class.getName());

  /** A session the SDK made but no request opened (its initialize failed) is dropped after this. */
  static final Duration UNCLAIMED = Duration.ofMinutes(1);

  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(5);

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject McpSettings settings;
  @Inject ToolListing listing;
  @Inject TenantBinding tenancy;
  @Inject Clock clock;

  private final Map<String, Watched> sessions = new ConcurrentHashMap<>();
  private ScheduledFuture<?> checking;

  /**
   * One listener (a 2025 session, or a 2026 subscription): whose, and the fingerprint of the tool
   * list it was last shown. Unclaimed (a session no request opened, a subscription whose stream
   * never started) for longer than {@link #UNCLAIMED}, it is dropped.
   */
  private static final class Watched {
    final McpStreamableServerSession session;
    final Subscription subscription;
    final Instant made;
    volatile OrganizationId organization;
    volatile String shown;
    volatile boolean claimed;

    Watched(McpStreamableServerSession session, Instant made) {
      this(session, null, made);
    }

    Watched(McpStreamableServerSession session, Subscription subscription, Instant made) {
      this.session = session;
      this.subscription = subscription;
      this.made = made;
    }
  }

  /**
   * A {@code subscriptions/listen} stream of the stateless revision, as this class sees it: a
   * stream of changes that completes when the application stops. Its consumer ends it by
   * cancelling.
   */
  static final class Subscription {
    private final String id;
    private final McpToolChanges owner;
    private final Sinks.Many<Boolean> changes = Sinks.many().unicast().onBackpressureBuffer();

    private Subscription(String id, McpToolChanges owner) {
      this.id = id;
      this.owner = owner;
    }

    /** One element per change; subscribing claims the subscription, ending it forgets it. */
    Flux<Boolean> changes() {
      return changes
          .asFlux()
          .doOnSubscribe(started -> owner.claim(id))
          .doFinally(signal -> owner.ended(id));
    }

    synchronized boolean tell() {
      return changes.tryEmitNext(Boolean.TRUE).isSuccess();
    }

    synchronized void end() {
      changes.tryEmitComplete();
    }
  }

  void start(@Observes Startup startup) {
    long every = settings.toolChangeCheck().toMillis();
    checking =
        scheduler.scheduleWithFixedDelay(this::checkQuietly, every, every, TimeUnit.MILLISECONDS);
  }

  /** Stops checking; every subscription's stream ends with its result, as the revision says. */
  @PreDestroy
  void stop() {
    if (checking != null) {
      checking.cancel(false);
    }
    sessions.values().stream()
        .map(w -> w.subscription)
        .filter(java.util.Objects::nonNull)
        .forEach(Subscription::end);
  }

  /**
   * A new {@code subscriptions/listen} of this organization, which was just shown the tool list
   * with this fingerprint; empty if the organization holds {@code limit} subscriptions on this node
   * already.
   */
  synchronized Optional<Subscription> subscribe(
      OrganizationId organization, String shown, int limit) {
    if (subscriptions(organization) >= limit) {
      return Optional.empty();
    }
    String id = "listen:" + UUID.randomUUID();
    Subscription subscription = new Subscription(id, this);
    Watched watched = new Watched(null, subscription, clock.instant());
    watched.organization = organization;
    watched.shown = shown;
    sessions.put(id, watched);
    return Optional.of(subscription);
  }

  /** How many subscriptions the organization holds on this node. */
  int subscriptions(OrganizationId organization) {
    return (int)
        sessions.values().stream()
            .filter(w -> w.subscription != null && organization.equals(w.organization))
            .count();
  }

  private void claim(String id) {
    Watched watched = sessions.get(id);
    if (watched != null) {
      watched.claimed = true;
    }
  }

  /** The SDK made a session (its initialize is being answered). */
  void made(McpStreamableServerSession session) {
    sessions.put(session.getId(), new Watched(session, clock.instant()));
  }

  /** The session was opened by a caller of this organization. */
  void opened(String id, OrganizationId organization) {
    Watched watched = sessions.get(id);
    if (watched != null) {
      watched.organization = organization;
      watched.claimed = true;
    }
  }

  /** The session was shown a tool list: changes are measured from it. */
  void shown(String id, String fingerprint) {
    Watched watched = sessions.get(id);
    if (watched != null) {
      watched.shown = fingerprint;
    }
  }

  void ended(String id) {
    sessions.remove(id);
  }

  /**
   * One pass: each organization's tool list is read once, and each of its sessions shown another
   * list is told. Runs outside any request, in a request context of its own without a caller, and
   * reads each organization's list bound to it alone (named in SystemBindingTest). Returns how many
   * sessions were told.
   */
  @ActivateRequestContext
  public int check() {
    Instant now = clock.instant();
    Map<OrganizationId, List<Watched>> byOrganization = new LinkedHashMap<>();
    sessions.values().removeIf(w -> !w.claimed && w.made.plus(UNCLAIMED).isBefore(now));
    for (Watched watched : sessions.values()) {
      if (watched.claimed && watched.organization != null) {
        byOrganization.computeIfAbsent(watched.organization, o -> new ArrayList<>()).add(watched);
      }
    }
    int told = 0;
    for (Map.Entry<OrganizationId, List<Watched>> organization : byOrganization.entrySet()) {
      String current = fingerprintOf(organization.getKey());
      for (Watched watched : organization.getValue()) {
        String shown = watched.shown;
        watched.shown = current;
        if (shown != null && !shown.equals(current) && tell(watched)) {
          told++;
        }
      }
    }
    return told;
  }

  /**
   * The fingerprint of what {@code tools/list} would show the organization now; a list refused as a
   * whole (a plan without tools) has one of its own, so a downgrade is a change too.
   */
  private String fingerprintOf(OrganizationId organization) {
    try (TenantBinding.OperatorScope scope = tenancy.actAsSystemFor(organization)) {
      return McpTools.shownFingerprint(() -> McpToolNames.assign(listing.callableTools()));
    }
  }

  private boolean tell(Watched watched) {
    if (watched.subscription != null) {
      return watched.subscription.tell();
    }
    if (!watched.session.hasListeningStream()) {
      return false; // the client listens for nothing; it sees the change at its next tools/list
    }
    try {
      watched
          .session
          .sendNotification(McpSchema.METHOD_NOTIFICATION_TOOLS_LIST_CHANGED, null)
          .block(SEND_TIMEOUT);
      return true;
    } catch (RuntimeException unsent) {
      LOG.log(Level.FINE, "list_changed not delivered to an MCP session", unsent);
      return false;
    }
  }

  private void checkQuietly() {
    try {
      check();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Checking MCP sessions' tool lists failed; the next pass tries", e);
    }
  }
}
