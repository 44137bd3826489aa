package io.claribi.tiering.control.violations;

import io.claribi.platform.api.TenantBinding;
import io.claribi.tiering.entity.Organization;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Deliberate violation for TenantScopingTest: {@code count()} forgets to bind the organization. */
public class PartlyBoundRepository {

  @PersistenceContext(unitName = "tiering")
  EntityManager em;

  TenantBinding tenancy;

  public List<Organization> all() {
    return tenancy.bind(em).createNamedQuery(Organization.ALL, Organization.class).getResultList();
  }

  public int count() {
    return em.createNamedQuery(Organization.ALL, Organization.class).getResultList().size();
  }
}
