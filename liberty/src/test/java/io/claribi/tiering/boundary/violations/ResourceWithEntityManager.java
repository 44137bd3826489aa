package io.claribi.tiering.boundary.violations;

import io.claribi.tiering.entity.Organization;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Deliberate violation for PersistenceAccessTest: a boundary class with its own EntityManager. */
public class ResourceWithEntityManager {

  @PersistenceContext(unitName = "tiering")
  EntityManager em;

  public Organization organization(String id) {
    return em.find(Organization.class, id);
  }
}
