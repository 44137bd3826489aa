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
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An operator's change to a vendor or to a decision on its tools, recorded in the operators' own
 * trail and in the trail of every organization actively connected to that vendor, in the operator's
 * transaction: each organization sees the operator actions that changed what it can use. Appended
 * through each organization's own chain, so every chain still verifies, and in {@link
 * OrganizationId#LOCK_ORDER}, the operators' trail included: taking its head first deadlocked with
 * usage relays that hold the heads of a batch in that order (found by the two-node soak).
 */
@ApplicationScoped
public class CurationAudit {

  @Inject CrossTenantConnections crossTenant;
  @Inject TenantBinding tenancy;
  @Inject Event<AuditEvent> audit;

  void onVendorCurated(@Observes VendorCurated curated) {
    OrganizationId operators = tenancy.organization();
    for (OrganizationId organization :
        trailsInLockOrder(
            operators, crossTenant.organizationsActivelyConnectedTo(curated.vendor().value()))) {
      if (organization.equals(operators)) {
        audit.fire(curated.event()); // bound to the operators' organization already
        continue;
      }
      try (TenantBinding.OperatorScope scope = tenancy.actAsOperatorFor(organization)) {
        audit.fire(curated.event());
      }
    }
  }

  /**
   * The operators' organization and the connected ones, each once, in the order heads are taken.
   */
  static List<OrganizationId> trailsInLockOrder(
      OrganizationId operators, Collection<OrganizationId> connected) {
    SortedSet<OrganizationId> trails = new TreeSet<>(OrganizationId.LOCK_ORDER);
    trails.add(operators);
    trails.addAll(connected);
    return List.copyOf(trails);
  }
}
