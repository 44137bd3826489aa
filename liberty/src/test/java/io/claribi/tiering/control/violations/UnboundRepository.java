package io.claribi.tiering.control.violations;

import io.claribi.tiering.entity.Organization;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Deliberate violation for TenantScopingTest: queries without binding the organization. */
public class UnboundRepository {

  @PersistenceContext(unitName = "tiering")
  EntityManager em;

  public List<Organization> all() {
    return em.createNamedQuery(Organization.ALL, Organization.class).getResultList();
  }
}
