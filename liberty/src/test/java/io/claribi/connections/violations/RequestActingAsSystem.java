package io.claribi.connections.violations;

import io.claribi.platform.api.OrganizationId;
import io.claribi.platform.api.TenantBinding;

/** Counter-example: request-handling code borrows the background jobs' system binding. */
public class RequestActingAsSystem {

  private TenantBinding tenancy;

  void readAnotherOrganization(String id) {
    try (var scope = tenancy.actAsSystemFor(new OrganizationId(id))) {
      // would read another organization's rows
    }
  }
}
