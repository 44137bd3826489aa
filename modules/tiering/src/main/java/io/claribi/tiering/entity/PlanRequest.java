package io.claribi.tiering.entity;

import io.claribi.platform.api.TenantBinding;
import io.claribi.platform.api.UtcInstantConverter;
import io.claribi.tiering.api.Plan;
import io.claribi.tiering.api.PlanRequestView;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * An organization admin's request for a larger plan, open until a platform operator grants it (by
 * changing the plan) or declines it (with a reason the admin sees). Asking again while one is open
 * replaces its plan and message: an organization has at most one open request.
 */
@Entity
@Table(name = "plan_requests")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = TenantBinding.COLUMN, contextProperty = TenantBinding.PROPERTY)
@NamedQuery(
    name = PlanRequest.NEWEST_FIRST,
    query = "SELECT r FROM PlanRequest r ORDER BY r.requestedAt DESC, r.id")
public class PlanRequest {

  public static final String NEWEST_FIRST = "PlanRequest.newestFirst";

  public static final int MESSAGE_MAX = 500;

  /** How a request ended. */
  public enum Outcome {
    GRANTED,
    DECLINED
  }

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Enumerated(EnumType.STRING)
  @Column(name = "plan", nullable = false, length = 20)
  private Plan plan;

  @Column(name = "message", length = MESSAGE_MAX)
  private String message;

  @Column(name = "requested_by", nullable = false, length = 255)
  private String requestedBy;

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "requested_at", nullable = false)
  private Instant requestedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "outcome", length = 10)
  private Outcome outcome;

  @Column(name = "closed_by", length = 255)
  private String closedBy;

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "closing_reason", length = MESSAGE_MAX)
  private String closingReason;

  protected PlanRequest() {
    // for JPA
  }

  public PlanRequest(Plan plan, String message, String requestedBy, Instant requestedAt) {
    this.id = UUID.randomUUID().toString();
    ask(plan, message, requestedBy, requestedAt);
  }

  /** Asked (again): the plan, the message and who asked when. */
  public void ask(Plan plan, String message, String requestedBy, Instant requestedAt) {
    if (!isOpen()) {
      throw new IllegalStateException("request " + id + " was closed");
    }
    this.plan = Objects.requireNonNull(plan, "plan");
    this.message = message == null || message.isBlank() ? null : message.strip();
    if (this.message != null && this.message.length() > MESSAGE_MAX) {
      throw new IllegalArgumentException("a message has at most " + MESSAGE_MAX + " characters");
    }
    this.requestedBy = Objects.requireNonNull(requestedBy, "requestedBy");
    this.requestedAt = Objects.requireNonNull(requestedAt, "requestedAt");
  }

  public void close(Outcome outcome, String by, Instant at, String reason) {
    if (!isOpen()) {
      throw new IllegalStateException("request " + id + " was closed");
    }
    this.outcome = Objects.requireNonNull(outcome, "outcome");
    this.closedBy = Objects.requireNonNull(by, "by");
    this.closedAt = Objects.requireNonNull(at, "at");
    this.closingReason = reason;
  }

  public boolean isOpen() {
    return outcome == null;
  }

  public Plan plan() {
    return plan;
  }

  public PlanRequestView toView() {
    return new PlanRequestView(
        id,
        plan,
        message,
        requestedBy,
        requestedAt,
        outcome == null ? "OPEN" : outcome.name(),
        closedBy,
        closedAt,
        closingReason);
  }
}
