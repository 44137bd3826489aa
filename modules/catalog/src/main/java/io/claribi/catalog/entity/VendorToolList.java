package io.claribi.catalog.entity;

import io.claribi.catalog.api.VendorId;
import io.claribi.platform.api.UtcInstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a vendor's tool list was last verified: requested whole from the vendor and recorded. The
 * tool gateway refuses to call a tool on a list older than its bound without listing again first.
 * Kept apart from {@link CatalogVendor}, so that a re-list every few minutes never bumps the
 * version an operator's edit of the vendor is checked against.
 */
@Entity
@Table(name = "catalog_tool_lists")
public class VendorToolList {

  @Id
  @Column(name = "vendor_id", length = 63)
  private String vendorId;

  /** When the request for the list last recorded was sent (not when it was recorded). */
  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "verified_at")
  private Instant verifiedAt;

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "refresh_claimed_until")
  private Instant refreshClaimedUntil;

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "failed_at")
  private Instant failedAt;

  @Column(name = "failure", length = 64)
  private String failure;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected VendorToolList() {
    // for JPA
  }

  public VendorToolList(VendorId vendor) {
    this.vendorId = Objects.requireNonNull(vendor, "vendor").value();
  }

  /**
   * A list requested at {@code requestedAt} is about to be recorded.
   *
   * @return false if a list requested later was recorded already: this one is older news and must
   *     not overwrite it
   */
  public boolean verified(Instant requestedAt) {
    Objects.requireNonNull(requestedAt, "requestedAt");
    if (verifiedAt != null && verifiedAt.isAfter(requestedAt)) {
      return false;
    }
    verifiedAt = requestedAt;
    failedAt = null;
    failure = null;
    return true;
  }

  /** A re-list failed with this problem code; the last verification stands and keeps ageing. */
  public void failed(String code, Instant at) {
    this.failure = code == null || code.length() <= 64 ? code : code.substring(0, 64);
    this.failedAt = Objects.requireNonNull(at, "at");
  }

  /**
   * Claims the background re-list until {@code until}, unless another node holds a claim now.
   *
   * @return whether this caller now holds the claim
   */
  public boolean claimRefresh(Instant now, Instant until) {
    if (refreshClaimedUntil != null && refreshClaimedUntil.isAfter(now)) {
      return false;
    }
    refreshClaimedUntil = Objects.requireNonNull(until, "until");
    return true;
  }

  public VendorId vendor() {
    return new VendorId(vendorId);
  }

  public Optional<Instant> verifiedAt() {
    return Optional.ofNullable(verifiedAt);
  }

  public Optional<Instant> failedAt() {
    return Optional.ofNullable(failedAt);
  }

  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }
}
