package io.claribi.tiering.entity;

import io.claribi.platform.api.OrganizationId;
import io.claribi.platform.api.TenantBinding;
import io.claribi.platform.api.UtcInstantConverter;
import io.claribi.tiering.api.Entitlement;
import io.claribi.tiering.api.Plan;
import io.claribi.tiering.api.PlanUpgradeRequiredException;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A customer organization and its plan. Its row is its own tenant: {@code id} always equals {@code
 * organization_id} (a CHECK constraint in the schema), so even the organization row is filtered by
 * the bound organization.
 */
@Entity
@Table(name = "organizations")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = TenantBinding.COLUMN, contextProperty = TenantBinding.PROPERTY)
@NamedQuery(name = Organization.ALL, query = "SELECT o FROM Organization o")
public class Organization {

  public static final String ALL = "Organization.all";

  @Id
  @Column(name = "id", length = 64)
  private String id;

  @Column(name = "name", nullable = false, length = 200)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "current_plan", nullable = false, length = 20)
  private Plan plan;

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Organization() {
    // for JPA
  }

  public Organization(OrganizationId id, String name, Plan plan, Instant now) {
    this.id = Objects.requireNonNull(id, "id").value();
    this.name = requireName(name);
    this.plan = Objects.requireNonNull(plan, "plan");
    this.createdAt = Objects.requireNonNull(now, "now");
    this.updatedAt = now;
  }

  public OrganizationId id() {
    return new OrganizationId(id);
  }

  public String name() {
    return name;
  }

  public Plan plan() {
    return plan;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public void rename(String newName, Instant now) {
    this.name = requireName(newName);
    this.updatedAt = now;
  }

  public void changePlan(Plan newPlan, Instant now) {
    this.plan = Objects.requireNonNull(newPlan, "plan");
    this.updatedAt = now;
  }

  /**
   * Returns normally when the organization's plan includes the entitlement. A downgrade takes away
   * exactly what the new plan does not include, from the next request on.
   *
   * @throws PlanUpgradeRequiredException 403, naming the lowest plan that includes it
   */
  public void require(Entitlement entitlement) {
    if (!plan.includes(entitlement)) {
      throw new PlanUpgradeRequiredException(entitlement, plan);
    }
  }

  private static String requireName(String name) {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException("organization name must be 1-200 characters");
    }
    return name;
  }
}
