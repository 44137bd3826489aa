package io.claribi.tiering.boundary;

import io.claribi.platform.api.AuditEvent;
import io.claribi.platform.api.OrganizationId;
import io.claribi.tiering.api.Plan;
import io.claribi.tiering.control.Organizations;
import io.claribi.tiering.control.PlanChanges;
import io.claribi.tiering.entity.Organization;
import io.claribi.tiering.entity.PlanChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Creates the bound organization on its first authenticated use, in a transaction of its own so
 * that a concurrent first request that wins the race leaves this one free to read the winner's row.
 */
@ApplicationScoped
public class Enrolment {

  static final String REASON = "Enrolled on first authenticated use";

  @Inject Organizations organizations;
  @Inject PlanChanges planChanges;
  @Inject Clock clock;
  @Inject Event<AuditEvent> audit;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Organization enrol(OrganizationId id, String actor) {
    Instant now = clock.instant();
    Organization organization =
        organizations.add(new Organization(id, id.value(), Plan.ON_FIRST_USE, now));
    planChanges.add(new PlanChange(null, Plan.ON_FIRST_USE, actor, now, REASON));
    audit.fire(PlanChange.auditEvent(null, Plan.ON_FIRST_USE, REASON));
    return organization;
  }
}
