package io.claribi.tiering.control;

import io.claribi.platform.api.TenantBinding;
import io.claribi.tiering.entity.PlanChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** The plan history of the bound organization, newest first. Append-only. */
@ApplicationScoped
public class PlanChanges {

  @PersistenceContext(unitName = "tiering")
  EntityManager em;

  @Inject TenantBinding tenancy;

  public List<PlanChange> newestFirst(int limit) {
    return tenancy
        .bind(em)
        .createNamedQuery(PlanChange.NEWEST_FIRST, PlanChange.class)
        .setMaxResults(limit)
        .getResultList();
  }

  /** Another organization's entry is as absent as one that never existed. */
  public Optional<PlanChange> find(String id) {
    return Optional.ofNullable(tenancy.bind(em).find(PlanChange.class, id));
  }

  public void add(PlanChange change) {
    tenancy.bind(em).persist(change);
  }
}
