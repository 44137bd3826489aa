package io.claribi.tiering.control;

import io.claribi.platform.api.TenantBinding;
import io.claribi.tiering.entity.PlanRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** The bound organization's requests for a larger plan, newest first. */
@ApplicationScoped
public class PlanRequests {

  @PersistenceContext(unitName = "tiering")
  EntityManager em;

  @Inject TenantBinding tenancy;

  public List<PlanRequest> newestFirst(int limit) {
    return tenancy
        .bind(em)
        .createNamedQuery(PlanRequest.NEWEST_FIRST, PlanRequest.class)
        .setMaxResults(limit)
        .getResultList();
  }

  /** The open request, if any (there is at most one: asking again replaces it). */
  public Optional<PlanRequest> open() {
    return newestFirst(20).stream().filter(PlanRequest::isOpen).findFirst();
  }

  public void add(PlanRequest request) {
    tenancy.bind(em).persist(request);
  }
}
