package io.claribi.catalog.entity;

import io.claribi.catalog.api.VendorId;
import io.claribi.platform.api.UtcInstantConverter;
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

/** One decision about one tool, on one fingerprint: who, when, why. Append-only, never edited. */
@Entity
@Table(name = "catalog_tool_decisions")
@NamedQuery(
    name = ToolDecisionEntry.OF_TOOL,
    query =
        "SELECT d FROM ToolDecisionEntry d WHERE d.vendorId = :vendor AND d.toolName = :name"
            + " ORDER BY d.decidedAt DESC, d.id")
public class ToolDecisionEntry {

  public static final String OF_TOOL = "ToolDecisionEntry.ofTool";

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "vendor_id", nullable = false, length = 63)
  private String vendorId;

  @Column(name = "tool_name", nullable = false, length = 256)
  private String toolName;

  @Enumerated(EnumType.STRING)
  @Column(name = "decision", nullable = false, length = 5)
  private Decision decision;

  @Column(name = "fingerprint", nullable = false, length = 64)
  private String fingerprint;

  @Enumerated(EnumType.STRING)
  @Column(name = "source", nullable = false, length = 20)
  private VendorSource source;

  @Column(name = "decided_by", nullable = false, length = 255)
  private String decidedBy;

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "decided_at", nullable = false)
  private Instant decidedAt;

  @Column(name = "reason", nullable = false, length = 500)
  private String reason;

  protected ToolDecisionEntry() {
    // for JPA
  }

  /** The history entry for the decision the tool carries now. */
  public static ToolDecisionEntry of(CatalogTool tool) {
    return new ToolDecisionEntry(
        tool.vendor(),
        tool.name(),
        tool.decision(),
        tool.approvedFingerprint(),
        tool.decisionSource(),
        tool.decidedBy(),
        tool.decidedAt(),
        tool.decisionReason());
  }

  ToolDecisionEntry(
      VendorId vendor,
      String toolName,
      Decision decision,
      String fingerprint,
      VendorSource source,
      String decidedBy,
      Instant decidedAt,
      String reason) {
    this.id = UUID.randomUUID().toString();
    this.vendorId = Objects.requireNonNull(vendor, "vendor").value();
    this.toolName = Objects.requireNonNull(toolName, "toolName");
    this.decision = Objects.requireNonNull(decision, "decision");
    this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
    this.source = Objects.requireNonNull(source, "source");
    this.decidedBy = Objects.requireNonNull(decidedBy, "decidedBy");
    this.decidedAt = Objects.requireNonNull(decidedAt, "decidedAt");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public String id() {
    return id;
  }

  public String toolName() {
    return toolName;
  }

  public Decision decision() {
    return decision;
  }

  public String fingerprint() {
    return fingerprint;
  }

  public VendorSource source() {
    return source;
  }

  public String decidedBy() {
    return decidedBy;
  }

  public Instant decidedAt() {
    return decidedAt;
  }

  public String reason() {
    return reason;
  }
}
