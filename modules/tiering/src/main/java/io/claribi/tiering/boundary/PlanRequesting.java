package io.claribi.tiering.boundary;

import io.claribi.platform.api.AuditEvent;
import io.claribi.platform.api.AuditEventType;
import io.claribi.platform.api.OrganizationId;
import io.claribi.platform.api.ProblemException;
import io.claribi.platform.api.TenantBinding;
import io.claribi.platform.api.VerifiedCaller;
import io.claribi.platform.api.console.ConsoleText;
import io.claribi.tiering.api.Plan;
import io.claribi.tiering.api.PlanRequestView;
import io.claribi.tiering.control.Organizations;
import io.claribi.tiering.control.PlanRequests;
import io.claribi.tiering.entity.Organization;
import io.claribi.tiering.entity.PlanRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The transaction boundary of requests for a larger plan (decision 0058): an admin asks (one open
 * request per organization; asking again replaces it), a platform operator grants it by changing
 * the plan ({@link OrganizationPlans#provision} closes it) or declines it with a reason. Each step
 * is in the organization's audit trail.
 */
@ApplicationScoped
public class PlanRequesting {

  static final int HISTORY_LIMIT = 50;

  @Inject CurrentOrganization current;
  @Inject Organizations organizations;
  @Inject PlanRequests requests;
  @Inject TenantBinding tenancy;
  @Inject VerifiedCaller caller;
  @Inject Clock clock;
  @Inject Event<AuditEvent> audit;

  /**
   * The caller's organization asks for {@code plan}, which must be larger than its plan now.
   *
   * @throws ProblemException 409 {@code PLAN_NOT_LARGER}, 400 {@code MESSAGE_TOO_LONG}
   */
  @Transactional
  public PlanRequestView request(Plan plan, String message) {
    current.orEnrolled();
    // Locked first: two admins asking at once queue here, so there is one open request.
    Organization organization = organizations.currentForUpdate().orElseThrow();
    if (plan.ordinal() <= organization.plan().ordinal()) {
      throw new ProblemException(
          409,
          "PLAN_NOT_LARGER",
          "Not a larger plan",
          "The organization is on the "
              + ConsoleText.title(organization.plan())
              + " plan already; a request can only be for a larger plan.");
    }
    String text = message == null || message.isBlank() ? null : message.strip();
    if (text != null && text.length() > PlanRequest.MESSAGE_MAX) {
      throw ProblemException.badRequest(
          "MESSAGE_TOO_LONG",
          "The message has at most " + PlanRequest.MESSAGE_MAX + " characters.");
    }
    Instant now = clock.instant();
    PlanRequest request =
        requests
            .open()
            .map(
                open -> {
                  open.ask(plan, text, caller.actor(), now);
                  return open;
                })
            .orElseGet(
                () -> {
                  PlanRequest added = new PlanRequest(plan, text, caller.actor(), now);
                  requests.add(added);
                  return added;
                });
    Map<String, String> details = new TreeMap<>(Map.of("plan", plan.name()));
    if (text != null) {
      details.put("message", text);
    }
    audit.fire(AuditEvent.of(AuditEventType.PLAN_REQUESTED, details));
    return request.toView();
  }

  /** The caller's organization's requests, newest first. */
  @Transactional
  public List<PlanRequestView> history() {
    return requests.newestFirst(HISTORY_LIMIT).stream().map(PlanRequest::toView).toList();
  }

  /** The caller's organization's open request, if any. */
  @Transactional
  public Optional<PlanRequestView> open() {
    return requests.open().map(PlanRequest::toView);
  }

  /**
   * A platform operator declines {@code target}'s open request, saying why (the admin reads it).
   *
   * @throws ProblemException 404 if it has none open, 400 {@code REASON_REQUIRED}
   */
  @Transactional
  public PlanRequestView decline(OrganizationId target, String reason) {
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > PlanRequest.MESSAGE_MAX) {
      throw ProblemException.badRequest(
          "REASON_REQUIRED",
          "Say why, in at most " + PlanRequest.MESSAGE_MAX + " characters: the admin reads it.");
    }
    try (TenantBinding.OperatorScope scope = tenancy.actAsOperatorFor(target)) {
      organizations.currentForUpdate();
      PlanRequest open =
          requests
              .open()
              .orElseThrow(() -> ProblemException.notFound("An open plan request of " + target));
      open.close(PlanRequest.Outcome.DECLINED, caller.actor(), clock.instant(), why);
      audit.fire(
          AuditEvent.of(
              AuditEventType.PLAN_REQUEST_DECLINED,
              Map.of("plan", open.plan().name(), "reason", why)));
      return open.toView();
    }
  }
}
