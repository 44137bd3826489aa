package io.claribi.tiering.boundary;

import io.claribi.platform.api.AuditEvent;
import io.claribi.platform.api.OrganizationId;
import io.claribi.platform.api.ProblemException;
import io.claribi.platform.api.TenantBinding;
import io.claribi.platform.api.VerifiedCaller;
import io.claribi.tiering.api.Entitlement;
import io.claribi.tiering.api.Entitlements;
import io.claribi.tiering.api.OrganizationView;
import io.claribi.tiering.api.Plan;
import io.claribi.tiering.api.PlanChangeView;
import io.claribi.tiering.control.Organizations;
import io.claribi.tiering.control.PlanChanges;
import io.claribi.tiering.control.PlanRequests;
import io.claribi.tiering.entity.Organization;
import io.claribi.tiering.entity.PlanChange;
import io.claribi.tiering.entity.PlanRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The transaction boundary of organizations and their plans: the caller's organization and what its
 * plan includes, its plan history, and operators' provisioning.
 */
@ApplicationScoped
public class OrganizationPlans implements Entitlements {

  static final int HISTORY_LIMIT = 200;

  @Inject CurrentOrganization current;
  @Inject Organizations organizations;
  @Inject PlanChanges planChanges;
  @Inject PlanRequests requests;
  @Inject TenantBinding tenancy;
  @Inject VerifiedCaller caller;
  @Inject Clock clock;
  @Inject Event<AuditEvent> audit;
  @Inject MonthlyToolCallQuota toolCalls;

  /** The caller's organization, enrolled on {@link Plan#ON_FIRST_USE} if it is not known yet. */
  @Transactional
  public OrganizationView currentOrganization() {
    return toView(current.orEnrolled());
  }

  @Override
  @Transactional
  public Plan currentPlan() {
    return current.orEnrolled().plan();
  }

  @Override
  @Transactional
  public void require(Entitlement entitlement) {
    current.orEnrolled().require(entitlement);
  }

  @Transactional
  public List<PlanChangeView> planHistory() {
    return planChanges.newestFirst(HISTORY_LIMIT).stream().map(PlanChange::toView).toList();
  }

  @Transactional
  public PlanChangeView planChange(String id) {
    return planChanges
        .find(id)
        .map(PlanChange::toView)
        .orElseThrow(() -> ProblemException.notFound("Plan change " + id));
  }

  /**
   * A platform operator creates or updates another organization and sets its plan. A changed plan
   * is recorded in that organization's history with the operator as actor, and in its audit trail
   * (same transaction, bound to that organization by the operator scope), and in the operators'
   * trail with the organization named. The row is locked first, so concurrent calls for one
   * organization queue; of two that both create it, the loser fails on the key and {@link
   * io.claribi.platform.api.ConcurrentUpdates} runs it again as an update.
   */
  @Transactional
  public Provisioned provision(OrganizationId target, String name, Plan plan, String reason) {
    Optional<AuditEvent> forTarget = Optional.empty();
    Optional<AuditEvent> forOperators = Optional.empty();
    Provisioned provisioned;
    try (TenantBinding.OperatorScope scope = tenancy.actAsOperatorFor(target)) {
      Instant now = clock.instant();
      Optional<Organization> existing = organizations.currentForUpdate();
      Organization organization =
          existing.orElseGet(() -> organizations.add(new Organization(target, name, plan, now)));
      Plan before = existing.map(Organization::plan).orElse(null);
      organization.rename(name, now);
      Optional<PlanChange> change = PlanChange.between(before, plan, caller::actor, now, reason);
      if (change.isPresent()) {
        organization.changePlan(plan, now);
        planChanges.add(change.get());
        forTarget = Optional.of(PlanChange.auditEvent(before, plan, reason));
        // A change to the plan asked for, or a larger one, answers the open request.
        requests
            .open()
            .filter(open -> plan.ordinal() >= open.plan().ordinal())
            .ifPresent(
                open -> open.close(PlanRequest.Outcome.GRANTED, caller.actor(), now, reason));
        forOperators = Optional.of(PlanChange.auditEvent(before, plan, reason, target));
      }
      provisioned = new Provisioned(toView(organization), existing.isEmpty());
    }
    if (forTarget.isPresent()) {
      audited(target, forTarget.get(), forOperators.orElseThrow());
    }
    return provisioned;
  }

  /**
   * In the organization's trail and in the operators' (the operator's own organization's, naming
   * the organization), the two chain heads taken in {@link OrganizationId#LOCK_ORDER} as by every
   * writer of several trails (decision 61).
   */
  private void audited(OrganizationId target, AuditEvent forTarget, AuditEvent forOperators) {
    OrganizationId operators = tenancy.organization();
    boolean operatorsFirst = OrganizationId.LOCK_ORDER.compare(operators, target) < 0;
    if (operatorsFirst) {
      audit.fire(forOperators);
    }
    try (TenantBinding.OperatorScope scope = tenancy.actAsOperatorFor(target)) {
      audit.fire(forTarget);
    }
    if (!operatorsFirst && !target.equals(operators)) {
      audit.fire(forOperators);
    }
  }

  /** The outcome of {@link #provision}: the organization and whether it was new. */
  public record Provisioned(OrganizationView organization, boolean created) {}

  /** The bound organization as a view, with its tool calls this month. */
  private OrganizationView toView(Organization organization) {
    return new OrganizationView(
        organization.id().value(),
        organization.name(),
        organization.plan(),
        organization.createdAt(),
        toolCalls.thisMonth(organization.plan()));
  }
}
