package io.claribi.connections.boundary;

import io.claribi.catalog.api.Catalog;
import io.claribi.catalog.api.DiscoveredTool;
import io.claribi.catalog.api.DiscoveryOutcome;
import io.claribi.catalog.api.Vendor;
import io.claribi.catalog.api.VendorId;
import io.claribi.connections.control.Connections;
import io.claribi.connections.control.vendor.VendorSessions;
import io.claribi.connections.entity.Connection;
import io.claribi.credentials.api.CredentialVault;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Lists a vendor's tools (every page) through one of the caller's connections and records them in
 * the catalog, where new ones start denied and changed ones are blocked again. Runs when a
 * connection is established and when an operator asks for a refresh.
 */
@ApplicationScoped
public class ToolDiscovery {

  @Inject Connections connections;
  @Inject Catalog catalog;
  @Inject CredentialVault vault;
  @Inject VendorSessions vendors;

  @Inject
  @ConfigProperty(name = "claribi.catalog.max-tools-per-vendor", defaultValue = "2000")
  int maxTools;

  /** Discovers through this connection of the caller's organization. */
  public DiscoveryOutcome discover(ConnectionId connection) {
    Target target = target(connection);
    List<DiscoveredTool> tools =
        vault.use(
            connection,
            credential ->
                vendors.listTools(
                    connection,
                    target.vendor().serverUrl(),
                    target.vendor().id().value(),
                    credential,
                    maxTools));
    return catalog.recordDiscovery(target.vendor().id(), tools);
  }

  /** Discovers through the caller's organization's active connection to the vendor. */
  public DiscoveryOutcome discover(VendorId vendor) {
    return discover(connectionTo(vendor));
  }

  @Transactional
  ConnectionId connectionTo(VendorId vendor) {
    List<Connection> active = connections.activeAt(vendor.value());
    if (active.isEmpty()) {
      throw new ProblemException(
          409,
          "NO_CONNECTION_FOR_DISCOVERY",
          "No connection to discover through",
          "Tools are listed with an organization's own credential: connect "
              + vendor
              + " in your organization first.");
    }
    return active.get(0).id();
  }

  @Transactional
  Target target(ConnectionId id) {
    Connection connection =
        connections.find(id).orElseThrow(() -> ProblemException.notFound("Connection " + id));
    if (!connection.isActive()) {
      throw new ProblemException(
          409,
          "CONNECTION_NOT_ACTIVE",
          "Connection not active",
          "Connection " + id + " is " + connection.state() + ".");
    }
    Vendor vendor =
        catalog
            .vendor(new VendorId(connection.vendor()))
            .orElseThrow(() -> ProblemException.notFound("Vendor " + connection.vendor()));
    return new Target(connection.id(), vendor);
  }

  record Target(ConnectionId connection, Vendor vendor) {}
}
