package io.claribi.connections.boundary;

import io.claribi.catalog.api.KnownTool;
import io.claribi.catalog.api.ToolDecision;
import io.claribi.catalog.api.ToolDecision.RefusalReason;
import io.claribi.catalog.api.VendorCurated;
import io.claribi.catalog.api.VendorId;
import io.claribi.catalog.api.VendorTools;
import io.claribi.connections.control.Connections;
import io.claribi.connections.control.CrossTenantConnections;
import io.claribi.connections.control.ToolReviewRequests;
import io.claribi.connections.entity.Connection;
import io.claribi.connections.entity.ToolReviewRequest;
import io.claribi.platform.api.AuditEvent;
import io.claribi.platform.api.AuditEventType;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.OrganizationId;
import io.claribi.platform.api.ProblemException;
import io.claribi.platform.api.Roles;
import io.claribi.platform.api.TenantBinding;
import io.claribi.platform.api.VerifiedCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The transaction boundary of requests for a tool review (decision 60): an organization's admin
 * asks the platform operators to review the tools of a vendor it is connected to that wait for a
 * decision; the operators see the open requests (the review queue, the Overview, the API); a
 * decision that leaves no tool of the vendor waiting answers every open request for it, in the
 * operator's transaction. Asking is recorded as {@code TOOL_REVIEW_REQUESTED}.
 */
@ApplicationScoped
public class ToolReviewRequesting {

  /** At most this many open requests are listed for operators, oldest first. */
  static final int OPEN_LIMIT = 200;

  @Inject Connections connections;
  @Inject ToolReviewRequests requests;
  @Inject CrossTenantConnections crossTenant;
  @Inject VendorTools vendorTools;
  @Inject TenantBinding tenancy;
  @Inject VerifiedCaller caller;
  @Inject Clock clock;
  @Inject Event<AuditEvent> audit;

  /**
   * The tools that wait for an operator's decision: never seen before, or changed since an operator
   * allowed them. A denied tool or one the vendor no longer lists waits for nothing.
   */
  public static long waiting(List<KnownTool> tools) {
    return tools.stream()
        .map(KnownTool::decision)
        .filter(d -> d instanceof ToolDecision.Refused refused && waits(refused.reason()))
        .count();
  }

  private static boolean waits(RefusalReason reason) {
    return reason == RefusalReason.PENDING_REVIEW || reason == RefusalReason.CHANGED_SINCE_APPROVAL;
  }

  /**
   * The caller's organization asks for a review of the tools of {@code connection}'s vendor.
   *
   * @throws ProblemException 404 for a connection it does not have, 400 {@code MESSAGE_TOO_LONG},
   *     409 {@code NOTHING_TO_REVIEW} when no tool of the vendor waits, 409 {@code
   *     REVIEW_ALREADY_REQUESTED} when another admin asked for the same vendor at the same moment
   */
  @Transactional
  public ToolReviewRequestView request(ConnectionId connectionId, String message) {
    Connection connection = ours(connectionId);
    String text = message == null || message.isBlank() ? null : message.strip();
    if (text != null && text.length() > ToolReviewRequest.MESSAGE_MAX) {
      throw ProblemException.badRequest(
          "MESSAGE_TOO_LONG",
          "The message has at most " + ToolReviewRequest.MESSAGE_MAX + " characters.");
    }
    String vendor = connection.vendor();
    long waiting = waiting(vendorTools.known(new VendorId(vendor)));
    if (waiting == 0) {
      throw new ProblemException(
          409,
          "NOTHING_TO_REVIEW",
          "Nothing to review",
          "No tool of this vendor waits for a review: a platform operator has decided on each.");
    }
    Instant now = clock.instant();
    Optional<ToolReviewRequest> asked = requests.ofVendor(vendor);
    ToolReviewRequest request;
    if (asked.isPresent()) {
      request = asked.get();
      request.ask(text, (int) waiting, caller.actor(), now);
    } else {
      request = new ToolReviewRequest(vendor, text, (int) waiting, caller.actor(), now);
      try {
        requests.add(request);
      } catch (PersistenceException sameMoment) {
        throw new ProblemException(
            409,
            "REVIEW_ALREADY_REQUESTED",
            "Review already requested",
            "Another admin of your organization asked for a review of this vendor's tools at the"
                + " same moment; their request is the one recorded.");
      }
    }
    Map<String, String> details = new TreeMap<>(Map.of("waiting", Long.toString(waiting)));
    if (text != null) {
      details.put("message", text);
    }
    audit.fire(
        AuditEvent.forConnection(
            AuditEventType.TOOL_REVIEW_REQUESTED, connectionId.toString(), vendor, details));
    return ToolReviewRequestView.of(request, waiting);
  }

  /** The caller's organization's request for a review of {@code connection}'s vendor, if any. */
  @Transactional
  public Optional<ToolReviewRequestView> ofConnection(ConnectionId connectionId) {
    String vendor = ours(connectionId).vendor();
    return requests
        .ofVendor(vendor)
        .map(r -> ToolReviewRequestView.of(r, waiting(vendorTools.known(new VendorId(vendor)))));
  }

  /**
   * The caller's organization's request for a review of {@code vendor}'s tools, for a page that has
   * already read the connection and counted the waiting tools (the Tools page): no second read.
   */
  @Transactional
  public Optional<ToolReviewRequestView> ofVendor(String vendor, long waitingNow) {
    return requests.ofVendor(vendor).map(r -> ToolReviewRequestView.of(r, waitingNow));
  }

  /**
   * Every open request of every organization, oldest first, for platform operators: a request whose
   * vendor no longer has a tool waiting is not listed (it was answered meanwhile).
   */
  @Transactional
  public List<OpenToolReviewRequest> open() {
    requireOperator();
    Map<String, Long> waitingOf = new HashMap<>();
    List<OpenToolReviewRequest> open = new ArrayList<>();
    for (CrossTenantConnections.ReviewAsked asked :
        crossTenant.openToolReviewRequests(OPEN_LIMIT)) {
      long waiting =
          waitingOf.computeIfAbsent(
              asked.vendor(), v -> waiting(vendorTools.known(new VendorId(v))));
      if (waiting == 0) {
        continue;
      }
      try (TenantBinding.OperatorScope scope = tenancy.actAsOperatorFor(asked.organization())) {
        requests
            .ofVendor(asked.vendor())
            .filter(ToolReviewRequest::isOpen)
            .ifPresent(
                r ->
                    open.add(
                        new OpenToolReviewRequest(
                            asked.organization().value(),
                            r.vendor(),
                            r.message(),
                            waiting,
                            r.requestedBy(),
                            r.requestedAt())));
      }
    }
    return open;
  }

  /**
   * An operator's decision (or another change to the vendor) that leaves no tool of the vendor
   * waiting answers every open request for it, in that operator's transaction.
   */
  void onVendorCurated(@Observes VendorCurated curated) {
    if (!caller.isInRole(Roles.PLATFORM_OPERATOR)) {
      return;
    }
    String vendor = curated.vendor().value();
    List<OrganizationId> asking = crossTenant.organizationsAskingForReviewOf(vendor);
    if (asking.isEmpty() || waiting(vendorTools.known(curated.vendor())) > 0) {
      return;
    }
    Instant now = clock.instant();
    for (OrganizationId organization : asking) {
      try (TenantBinding.OperatorScope scope = tenancy.actAsOperatorFor(organization)) {
        requests
            .ofVendor(vendor)
            .filter(ToolReviewRequest::isOpen)
            .ifPresent(r -> r.answer(caller.actor(), now));
      }
    }
  }

  private Connection ours(ConnectionId id) {
    return connections.find(id).orElseThrow(() -> ProblemException.notFound("Connection " + id));
  }

  private void requireOperator() {
    if (!caller.isInRole(Roles.PLATFORM_OPERATOR)) {
      throw new ProblemException(
          403, "FORBIDDEN", "Forbidden", "Only platform operators see every request for a review.");
    }
  }
}
