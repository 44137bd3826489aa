package io.claribi.catalog.api;

import java.util.Objects;

/**
 * Fired inside the transaction that retires a vendor, so that every organization's connections to
 * it are disconnected (credential rows deleted, audited) in that same transaction.
 */
public record VendorRetired(VendorId vendor, String reason) {

  public VendorRetired {
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(reason, "reason");
  }
}
