package io.claribi.tiering.control;

import io.claribi.platform.api.TenantBinding;
import io.claribi.tiering.entity.Organization;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * The organization row of the bound organization. No method takes an organization id: which
 * organization is read or written follows from {@link TenantBinding} alone.
 */
@ApplicationScoped
public class Organizations {

  @PersistenceContext(unitName = "tiering")
  EntityManager em;

  @Inject TenantBinding tenancy;

  /** The bound organization's row, if it has been enrolled or provisioned. */
  public Optional<Organization> current() {
    return tenancy
        .bind(em)
        .createNamedQuery(Organization.ALL, Organization.class)
        .getResultStream()
        .findFirst();
  }

  /**
   * The bound organization's row, locked until the transaction ends, so that concurrent changes to
   * one organization run one after the other instead of failing on a stale version.
   */
  public Optional<Organization> currentForUpdate() {
    return tenancy
        .bind(em)
        .createNamedQuery(Organization.ALL, Organization.class)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  /** Stores a new organization now, so a concurrent enrolment fails here, not at commit. */
  public Organization add(Organization organization) {
    EntityManager bound = tenancy.bind(em);
    bound.persist(organization);
    bound.flush();
    return organization;
  }
}
