package io.claribi.connections.boundary;

import io.claribi.connections.api.ActiveConnections;
import io.claribi.connections.api.ConnectionSummary;
import io.claribi.connections.api.OrganizationConnection;
import io.claribi.connections.control.Connections;
import io.claribi.connections.control.CrossTenantConnections;
import io.claribi.connections.entity.Connection;
import io.claribi.platform.api.ConnectionId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** The bound organization's connections for the gateway, read in the caller's transaction. */
@ApplicationScoped
public class OrganizationConnections implements ActiveConnections {

  @Inject Connections connections;
  @Inject CrossTenantConnections crossTenant;

  @Override
  public Optional<ConnectionSummary> find(ConnectionId id) {
    return connections.find(id).map(OrganizationConnections::summary);
  }

  @Override
  public List<ConnectionSummary> active() {
    return connections.active().stream().map(OrganizationConnections::summary).toList();
  }

  @Override
  public List<ConnectionSummary> activeAt(String vendor) {
    return connections.activeAt(vendor).stream().map(OrganizationConnections::summary).toList();
  }

  @Override
  public List<OrganizationConnection> anyOrganizationsActiveAt(String vendor, int limit) {
    return crossTenant.activeConnectionsTo(vendor, limit).stream()
        .map(found -> new OrganizationConnection(found.organization(), found.connection()))
        .toList();
  }

  private static ConnectionSummary summary(Connection connection) {
    return new ConnectionSummary(
        connection.id(), connection.vendor(), connection.state(), connection.activatedAt());
  }
}
