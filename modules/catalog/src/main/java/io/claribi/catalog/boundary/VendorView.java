package io.claribi.catalog.boundary;

import io.claribi.catalog.api.VendorKind;
import io.claribi.catalog.entity.CatalogVendor;
import io.claribi.catalog.entity.VendorSource;
import io.claribi.catalog.entity.VendorState;
import java.time.Instant;
import java.util.List;

/** A vendor as the REST API shows it, with who changed it last, when and why. */
public record VendorView(
    String id,
    String displayName,
    VendorKind kind,
    String serverUrl,
    List<String> readScopes,
    List<String> dataDomains,
    boolean resourcesEnabled,
    VendorState state,
    VendorSource source,
    String changedBy,
    Instant changedAt,
    String changeReason,
    long version) {

  static VendorView of(CatalogVendor vendor) {
    var spec = vendor.spec();
    return new VendorView(
        vendor.id().value(),
        spec.displayName(),
        spec.kind(),
        spec.serverUrl(),
        spec.readScopes(),
        spec.dataDomains(),
        spec.resourcesEnabled(),
        vendor.state(),
        vendor.source(),
        vendor.changedBy(),
        vendor.changedAt(),
        vendor.changeReason(),
        vendor.version());
  }
}
