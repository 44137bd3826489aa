package io.claribi.catalog.boundary;

import io.claribi.catalog.api.Availability;
import io.claribi.catalog.api.VendorKind;
import io.claribi.catalog.entity.CatalogVendor;
import io.claribi.catalog.entity.VendorSource;
import io.claribi.catalog.entity.VendorState;
import java.time.Instant;
import java.util.List;

/**
 * A vendor as the REST API shows it, with who changed it last, when and why, and (for a caller with
 * an organization) whether its plan lets it connect the vendor.
 */
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
    long version,
    String authorizationServer,
    Availability availability) {

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
        vendor.version(),
        spec.authorizationServer(),
        null);
  }

  /** The same view, with whether the caller's plan lets it connect the vendor. */
  VendorView forPlan(io.claribi.tiering.api.Plan plan) {
    return new VendorView(
        id,
        displayName,
        kind,
        serverUrl,
        readScopes,
        dataDomains,
        resourcesEnabled,
        state,
        source,
        changedBy,
        changedAt,
        changeReason,
        version,
        authorizationServer,
        Availability.of(kind, plan));
  }
}
