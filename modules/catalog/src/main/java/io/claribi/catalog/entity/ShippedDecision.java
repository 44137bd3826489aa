package io.claribi.catalog.entity;

import io.claribi.catalog.api.VendorId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.UUID;

/**
 * A tool decision reviewed before release and shipped in the catalog file. An ALLOW applies only to
 * a tool whose discovered fingerprint equals the shipped one, and never over an operator's
 * decision.
 */
@Entity
@Table(name = "catalog_shipped_decisions")
@NamedQuery(
    name = ShippedDecision.OF_VENDOR,
    query = "SELECT s FROM ShippedDecision s WHERE s.vendorId = :vendor")
public class ShippedDecision {

  public static final String OF_VENDOR = "ShippedDecision.ofVendor";

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

  @Column(name = "fingerprint", length = 64)
  private String fingerprint;

  @Column(name = "reason", nullable = false, length = 500)
  private String reason;

  @Column(name = "file_version", nullable = false)
  private int fileVersion;

  protected ShippedDecision() {
    // for JPA
  }

  public ShippedDecision(
      VendorId vendor,
      String toolName,
      Decision decision,
      String fingerprint,
      String reason,
      int fileVersion) {
    this.id = UUID.randomUUID().toString();
    this.vendorId = Objects.requireNonNull(vendor, "vendor").value();
    this.toolName = Objects.requireNonNull(toolName, "toolName");
    this.decision = Objects.requireNonNull(decision, "decision");
    if (decision == Decision.ALLOW && fingerprint == null) {
      throw new IllegalArgumentException(
          "a shipped ALLOW names the fingerprint it was reviewed on");
    }
    this.fingerprint = fingerprint;
    this.reason = Objects.requireNonNull(reason, "reason");
    this.fileVersion = fileVersion;
  }

  /**
   * Whether this shipped decision should be applied to the tool now: only where no operator has
   * decided, only if the tool does not already carry it, and an ALLOW only on its exact
   * fingerprint.
   */
  public boolean appliesTo(CatalogTool tool) {
    if (!tool.name().equals(toolName) || tool.decisionSource() == VendorSource.OPERATOR) {
      return false;
    }
    if (decision == Decision.ALLOW && !fingerprint.equals(tool.fingerprint())) {
      return false;
    }
    return tool.decision() != decision
        || !Objects.equals(tool.approvedFingerprint(), tool.fingerprint());
  }

  /** Applies it, as decided by the catalog file of its version. */
  public void applyTo(CatalogTool tool, java.time.Instant now) {
    tool.decide(
        decision,
        tool.fingerprint(),
        VendorSource.CATALOG_FILE,
        "catalog-file v" + fileVersion,
        now,
        reason);
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
}
