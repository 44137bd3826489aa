package io.claribi.connections.boundary;

import io.claribi.catalog.api.Catalog;
import io.claribi.catalog.api.DiscoveredTool;
import io.claribi.catalog.api.DiscoveryOutcome;
import io.claribi.catalog.api.Vendor;
import io.claribi.catalog.api.VendorId;
import io.claribi.catalog.api.VendorKind;
import io.claribi.connections.control.vendor.VendorSessions;
import io.claribi.platform.api.ConnectionId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Lists a vendor's tools (every page) through one of the caller's connections and records them in
 * the catalog, where new ones start denied and changed ones are blocked again. Runs when a
 * connection is established and when an operator asks for a refresh; like a tool call, inside the
 * connection's call fence, with the token refreshed first when it is about to expire.
 */
@ApplicationScoped
public class ToolDiscovery {

  @Inject DiscoveryTargets targets;
  @Inject Catalog catalog;
  @Inject VendorExchanges exchanges;
  @Inject VendorSessions vendors;

  @Inject
  @ConfigProperty(name = "claribi.catalog.max-tools-per-vendor", defaultValue = "2000")
  int maxTools;

  /** Discovers through this connection of the caller's organization. */
  public DiscoveryOutcome discover(ConnectionId connection) {
    Vendor vendor = targets.vendorOf(connection);
    if (vendor.kind() == VendorKind.NATIVE_OAUTH) {
      return catalog.recordDiscovery(vendor.id(), vendors.nativeTools(vendor.id().value()));
    }
    List<DiscoveredTool> tools =
        exchanges.send(
            connection,
            credential ->
                vendors.listTools(
                    connection, vendor.serverUrl(), vendor.id().value(), credential, maxTools));
    return catalog.recordDiscovery(vendor.id(), tools);
  }

  /** Discovers through the caller's organization's active connection to the vendor. */
  public DiscoveryOutcome discover(VendorId vendor) {
    return discover(targets.connectionTo(vendor));
  }
}
