package io.claribi.catalog.api;

import io.claribi.platform.api.AuditEvent;
import java.util.Objects;

/**
 * Fired inside the transaction in which a platform operator changed a vendor or the decision on one
 * of its tools, to record {@code event} in that same transaction in the operator's own
 * organization's trail and in the trail of every organization actively connected to the vendor
 * (what they can use changed). Its observer in the connections context writes them all, in {@link
 * io.claribi.platform.api.OrganizationId#LOCK_ORDER}; the catalog records the event nowhere else.
 */
public record VendorCurated(VendorId vendor, AuditEvent event) {

  public VendorCurated {
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(event, "event");
  }
}
