package io.claribi.credentials.entity.violations;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** Deliberate violation for TenantScopingTest: multitenant, but not by organization_id. */
@Entity
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id")
public class SecretWithTenantIdColumn {

  @Id private String id;
}
