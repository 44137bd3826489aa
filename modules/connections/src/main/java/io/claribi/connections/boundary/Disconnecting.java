package io.claribi.connections.boundary;

import io.claribi.catalog.api.VendorRetired;
import io.claribi.connections.control.ConnectionDirectory;
import io.claribi.connections.control.Connections;
import io.claribi.connections.control.vendor.VendorSessions;
import io.claribi.connections.entity.Connection;
import io.claribi.credentials.api.CredentialVault;
import io.claribi.platform.api.AuditEvent;
import io.claribi.platform.api.AuditEventType;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.OrganizationId;
import io.claribi.platform.api.TenantBinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Deletes connections: the credential row and the connection in the caller's transaction, with the
 * audit record, and the vendor session closed once that transaction has committed.
 */
@ApplicationScoped
public class Disconnecting {

  @Inject Connections connections;
  @Inject ConnectionDirectory directory;
  @Inject CredentialVault vault;
  @Inject TenantBinding tenancy;
  @Inject Event<AuditEvent> audit;
  @Inject Event<Disconnected> disconnected;
  @Inject VendorSessions vendors;

  /** The ids of connections deleted by a transaction, to act on after it commits. */
  public record Disconnected(List<ConnectionId> connections) {}

  /** Retiring a vendor disconnects every organization's connections to it, in the same tx. */
  void onVendorRetired(@Observes VendorRetired retired) {
    List<ConnectionId> deleted = new ArrayList<>();
    String vendor = retired.vendor().value();
    for (OrganizationId organization : directory.organizationsConnectedTo(vendor)) {
      try (TenantBinding.OperatorScope scope = tenancy.actAsOperatorFor(organization)) {
        for (Connection connection : connections.at(vendor)) {
          deleted.add(delete(connection, "vendor retired: " + retired.reason()));
        }
      }
    }
    disconnected.fire(new Disconnected(deleted));
  }

  private ConnectionId delete(Connection connection, String reason) {
    vault.delete(connection.id());
    connections.delete(connection);
    audit.fire(
        AuditEvent.forConnection(
            AuditEventType.CONNECTION_DISCONNECTED,
            connection.id().toString(),
            connection.vendor(),
            Map.of("reason", AuditText.visible(reason))));
    return connection.id();
  }

  void closeSessions(@Observes(during = TransactionPhase.AFTER_SUCCESS) Disconnected event) {
    event.connections().forEach(vendors::close);
  }
}
