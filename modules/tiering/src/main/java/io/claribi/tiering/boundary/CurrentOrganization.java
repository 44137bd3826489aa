package io.claribi.tiering.boundary;

import io.claribi.platform.api.VerifiedCaller;
import io.claribi.tiering.api.Plan;
import io.claribi.tiering.control.Organizations;
import io.claribi.tiering.entity.Organization;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.util.Optional;

/**
 * The caller's organization row, enrolled on {@link Plan#ON_FIRST_USE} if it is not known yet. Runs
 * in the caller's transaction; only the enrolment has one of its own.
 */
@ApplicationScoped
public class CurrentOrganization {

  @Inject Organizations organizations;
  @Inject Enrolment enrolment;
  @Inject VerifiedCaller caller;

  public Organization orEnrolled() {
    Optional<Organization> known = organizations.current();
    if (known.isPresent()) {
      return known.get();
    }
    try {
      return enrolment.enrol(caller.organization(), caller.actor());
    } catch (PersistenceException | jakarta.transaction.TransactionalException raced) {
      // A concurrent first request enrolled it a moment ago: use that row.
      return organizations.current().orElseThrow(() -> raced);
    }
  }
}
