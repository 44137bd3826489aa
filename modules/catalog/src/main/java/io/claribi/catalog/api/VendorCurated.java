package io.claribi.catalog.api;

import io.claribi.platform.api.AuditEvent;
import java.util.Objects;

/**
 * Fired inside the transaction in which a platform operator changed a vendor or the decision on one
 * of its tools, after that change was audited in the operator's own organization's trail: the
 * organizations actively connected to the vendor record the same event in their own trails (what
 * they can use changed), in that same transaction.
 */
public record VendorCurated(VendorId vendor, AuditEvent event) {

  public VendorCurated {
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(event, "event");
  }
}
