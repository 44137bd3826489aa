package io.claribi.connections.entity;

import io.claribi.platform.api.TenantBinding;
import io.claribi.platform.api.UtcInstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
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
 * An organization admin's request that the platform operators review the tools of a vendor the
 * organization is connected to (decision 60). One per organization and vendor: asking again
 * replaces the message and the time, and opens an answered request again. Answered when an
 * operator's decision leaves no tool of the vendor waiting.
 */
@Entity
@Table(name = "tool_review_requests")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = TenantBinding.COLUMN, contextProperty = TenantBinding.PROPERTY)
@NamedQuery(
    name = ToolReviewRequest.OF_VENDOR,
    query = "SELECT r FROM ToolReviewRequest r WHERE r.vendorId = :vendor")
public class ToolReviewRequest {

  public static final String OF_VENDOR = "ToolReviewRequest.ofVendor";

  public static final int MESSAGE_MAX = 500;

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "vendor_id", nullable = false, length = 63)
  private String vendorId;

  @Column(name = "message", length = MESSAGE_MAX)
  private String message;

  /** How many tools of the vendor waited when the admin asked. */
  @Column(name = "waiting_tools", nullable = false)
  private int waitingTools;

  @Column(name = "requested_by", nullable = false, length = 255)
  private String requestedBy;

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "requested_at", nullable = false)
  private Instant requestedAt;

  @Column(name = "answered_by", length = 255)
  private String answeredBy;

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "answered_at")
  private Instant answeredAt;

  protected ToolReviewRequest() {
    // for JPA
  }

  public ToolReviewRequest(
      String vendor, String message, int waitingTools, String requestedBy, Instant requestedAt) {
    this.id = UUID.randomUUID().toString();
    this.vendorId = Objects.requireNonNull(vendor, "vendor");
    ask(message, waitingTools, requestedBy, requestedAt);
  }

  /** Asked (again): the message, how many tools wait, who asked when; open until answered. */
  public void ask(String message, int waitingTools, String requestedBy, Instant requestedAt) {
    String text = message == null || message.isBlank() ? null : message.strip();
    if (text != null && text.length() > MESSAGE_MAX) {
      throw new IllegalArgumentException("a message has at most " + MESSAGE_MAX + " characters");
    }
    if (waitingTools < 1) {
      throw new IllegalArgumentException("a review is asked for only while tools wait for one");
    }
    this.message = text;
    this.waitingTools = waitingTools;
    this.requestedBy = Objects.requireNonNull(requestedBy, "requestedBy");
    this.requestedAt = Objects.requireNonNull(requestedAt, "requestedAt");
    this.answeredBy = null;
    this.answeredAt = null;
  }

  /** An operator's decision left no tool of the vendor waiting. */
  public void answer(String by, Instant at) {
    this.answeredBy = Objects.requireNonNull(by, "by");
    this.answeredAt = Objects.requireNonNull(at, "at");
  }

  public boolean isOpen() {
    return answeredAt == null;
  }

  public String vendor() {
    return vendorId;
  }

  public String message() {
    return message;
  }

  public int waitingTools() {
    return waitingTools;
  }

  public String requestedBy() {
    return requestedBy;
  }

  public Instant requestedAt() {
    return requestedAt;
  }

  public String answeredBy() {
    return answeredBy;
  }

  public Instant answeredAt() {
    return answeredAt;
  }
}
