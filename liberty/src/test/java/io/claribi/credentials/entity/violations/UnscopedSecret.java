package io.claribi.credentials.entity.violations;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Deliberate violation for TenantScopingTest: a tenant-scoped entity without multitenancy. */
@Entity
public class UnscopedSecret {

  @Id private String id;
}
