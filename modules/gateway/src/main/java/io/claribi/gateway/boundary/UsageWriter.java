package io.claribi.gateway.boundary;

import io.claribi.platform.api.DeferredAuditEvent;
import io.claribi.platform.api.OrganizationId;
import io.claribi.platform.api.TenantBinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a batch of usage records in one transaction, each in its own organization's trail. Runs on
 * the journal's thread, which no request started, so it binds each organization with the system
 * binding (named in SystemBindingTest); the actor recorded is the caller captured during the
 * request, not "system".
 */
@ApplicationScoped
public class UsageWriter {

  @Inject TenantBinding tenancy;
  @Inject Event<DeferredAuditEvent> audit;

  @ActivateRequestContext
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void write(List<DeferredAuditEvent> batch) {
    Map<OrganizationId, List<DeferredAuditEvent>> byOrganization = new LinkedHashMap<>();
    for (DeferredAuditEvent event : batch) {
      byOrganization
          .computeIfAbsent(event.organization(), o -> new java.util.ArrayList<>())
          .add(event);
    }
    byOrganization.forEach(
        (organization, events) -> {
          try (TenantBinding.OperatorScope system = tenancy.actAsSystemFor(organization)) {
            events.forEach(audit::fire);
          }
        });
  }
}
