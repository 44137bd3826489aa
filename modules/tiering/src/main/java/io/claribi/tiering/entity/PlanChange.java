package io.claribi.tiering.entity;

import io.claribi.platform.api.AuditEvent;
import io.claribi.platform.api.AuditEventType;
import io.claribi.platform.api.OrganizationId;
import io.claribi.platform.api.TenantBinding;
import io.claribi.platform.api.UtcInstantConverter;
import io.claribi.tiering.api.Plan;
import io.claribi.tiering.api.PlanChangeView;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * One change of an organization's plan: from what, to what, by whom, when and why. Never edited.
 */
@Entity
@Table(name = "plan_changes")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = TenantBinding.COLUMN, contextProperty = TenantBinding.PROPERTY)
@NamedQuery(
    name = PlanChange.NEWEST_FIRST,
    query = "SELECT c FROM PlanChange c ORDER BY c.changedAt DESC, c.id")
public class PlanChange {

  public static final String NEWEST_FIRST = "PlanChange.newestFirst";

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Enumerated(EnumType.STRING)
  @Column(name = "from_plan", length = 20)
  private Plan from;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_plan", nullable = false, length = 20)
  private Plan to;

  @Column(name = "changed_by", nullable = false, length = 255)
  private String changedBy;

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  @Column(name = "reason", nullable = false, length = 500)
  private String reason;

  protected PlanChange() {
    // for JPA
  }

  public PlanChange(Plan from, Plan to, String changedBy, Instant changedAt, String reason) {
    this.id = UUID.randomUUID().toString();
    this.from = from;
    this.to = Objects.requireNonNull(to, "to");
    this.changedBy = Objects.requireNonNull(changedBy, "changedBy");
    this.changedAt = Objects.requireNonNull(changedAt, "changedAt");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * The history entry for setting plan {@code to} on an organization whose plan was {@code from}
   * (null: it had none yet), or none when the plan stays. Any plan may follow any other; the actor
   * is asked only when there is a change to record.
   */
  public static Optional<PlanChange> between(
      Plan from, Plan to, Supplier<String> changedBy, Instant changedAt, String reason) {
    if (from == to) {
      return Optional.empty();
    }
    return Optional.of(new PlanChange(from, to, changedBy.get(), changedAt, reason));
  }

  /** The organization's own record of a plan change. */
  public static AuditEvent auditEvent(Plan from, Plan to, String reason) {
    return auditEvent(from, to, reason, null);
  }

  /**
   * The audit trail's record of a plan change; {@code from} is absent for the first plan, {@code
   * organization} in the organization's own trail (it is named only in the operators' trail).
   */
  public static AuditEvent auditEvent(
      Plan from, Plan to, String reason, OrganizationId organization) {
    Map<String, String> details = new TreeMap<>(Map.of("to", to.name(), "reason", reason));
    if (from != null) {
      details.put("from", from.name());
    }
    if (organization != null) {
      details.put("organization", organization.value());
    }
    return AuditEvent.of(AuditEventType.PLAN_CHANGED, details);
  }

  public PlanChangeView toView() {
    return new PlanChangeView(id, from, to, changedBy, changedAt, reason);
  }
}
