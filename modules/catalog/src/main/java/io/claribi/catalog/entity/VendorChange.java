package io.claribi.catalog.entity;

import io.claribi.catalog.api.VendorId;
import io.claribi.platform.api.UtcInstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One change of a vendor: what it became, who, when and why. Append-only, never edited. */
@Entity
@Table(name = "catalog_vendor_changes")
@NamedQuery(
    name = VendorChange.OF_VENDOR,
    query =
        "SELECT c FROM VendorChange c WHERE c.vendorId = :vendor"
            + " ORDER BY c.changedAt DESC, c.id")
public class VendorChange {

  public static final String OF_VENDOR = "VendorChange.ofVendor";

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "vendor_id", nullable = false, length = 63)
  private String vendorId;

  @Enumerated(EnumType.STRING)
  @Column(name = "change_kind", nullable = false, length = 20)
  private VendorChangeKind kind;

  @Column(name = "changed_by", nullable = false, length = 255)
  private String changedBy;

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  @Column(name = "reason", nullable = false, length = 500)
  private String reason;

  @Lob
  @Column(name = "snapshot", nullable = false)
  private String snapshot;

  protected VendorChange() {
    // for JPA
  }

  public VendorChange(
      VendorId vendor,
      VendorChangeKind kind,
      String changedBy,
      Instant changedAt,
      String reason,
      String snapshot) {
    this.id = UUID.randomUUID().toString();
    this.vendorId = Objects.requireNonNull(vendor, "vendor").value();
    this.kind = Objects.requireNonNull(kind, "kind");
    this.changedBy = Objects.requireNonNull(changedBy, "changedBy");
    this.changedAt = Objects.requireNonNull(changedAt, "changedAt");
    this.reason = Objects.requireNonNull(reason, "reason");
    this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
  }

  public String id() {
    return id;
  }

  public String vendorId() {
    return vendorId;
  }

  public VendorChangeKind kind() {
    return kind;
  }

  public String changedBy() {
    return changedBy;
  }

  public Instant changedAt() {
    return changedAt;
  }

  public String reason() {
    return reason;
  }

  public String snapshot() {
    return snapshot;
  }
}
