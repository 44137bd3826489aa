package io.claribi.gateway.boundary;

import io.claribi.catalog.api.Catalog;
import io.claribi.catalog.api.Vendor;
import io.claribi.catalog.api.VendorId;
import io.claribi.connections.api.ActiveConnections;
import io.claribi.connections.api.ConnectionSummary;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** The reads before a discovery, each in a short transaction of its own. */
@ApplicationScoped
public class DiscoveryTargets {

  @Inject ActiveConnections connections;
  @Inject Catalog catalog;

  /** The caller's organization's active connection to the vendor, if it has one. */
  @Transactional
  public Optional<ConnectionId> ownConnectionTo(VendorId vendor) {
    return connections.activeAt(vendor.value()).stream().findFirst().map(ConnectionSummary::id);
  }

  /** The vendor behind one of the caller's active connections. */
  @Transactional
  public Vendor vendorOf(ConnectionId id) {
    ConnectionSummary connection =
        connections.find(id).orElseThrow(() -> ProblemException.notFound("Connection " + id));
    if (!connection.isActive()) {
      throw new ProblemException(
          409,
          "CONNECTION_NOT_ACTIVE",
          "Connection not active",
          "Connection " + id + " is " + connection.state() + ".");
    }
    return catalog
        .vendor(new VendorId(connection.vendor()))
        .orElseThrow(() -> ProblemException.notFound("Vendor " + connection.vendor()));
  }
}
