package io.claribi.connections.boundary;

import io.claribi.catalog.api.VendorCurated;
import io.claribi.connections.control.CrossTenantConnections;
import io.claribi.platform.api.AuditEvent;
import io.claribi.platform.api.OrganizationId;
import io.claribi.platform.api.TenantBinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * An operator's change to a vendor or to a decision on its tools, recorded in the trail of every
 * organization actively connected to that vendor, in the operator's transaction: each organization
 * sees the operator actions that changed what it can use. Appended through each organization's own
 * chain, so every chain still verifies; the operator's own organization has it already.
 */
@ApplicationScoped
public class CurationAudit {

  @Inject CrossTenantConnections crossTenant;
  @Inject TenantBinding tenancy;
  @Inject Event<AuditEvent> audit;

  void onVendorCurated(@Observes VendorCurated curated) {
    OrganizationId operators = tenancy.organization();
    // in one order (by organization id), as the usage relay locks chain heads
    for (OrganizationId organization :
        crossTenant.organizationsActivelyConnectedTo(curated.vendor().value()).stream()
            .sorted(java.util.Comparator.comparing(OrganizationId::value))
            .toList()) {
      if (organization.equals(operators)) {
        continue;
      }
      try (TenantBinding.OperatorScope scope = tenancy.actAsOperatorFor(organization)) {
        audit.fire(curated.event());
      }
    }
  }
}
