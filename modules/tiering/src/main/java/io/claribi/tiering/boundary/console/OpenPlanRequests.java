package io.claribi.tiering.boundary.console;

import io.claribi.platform.api.Roles;
import io.claribi.platform.api.VerifiedCaller;
import io.claribi.tiering.control.CrossTenantOrganizations;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The count of open plan requests in the operators' menu ("Organizations (2)"), read once per page
 * and only for platform operators.
 */
@Named("openPlanRequests")
@RequestScoped
public class OpenPlanRequests {

  @Inject CrossTenantOrganizations directory;
  @Inject VerifiedCaller caller;

  private Long count;

  /** The menu label of the Organizations page, with the count when there is one. */
  public String getMenuLabel() {
    long open = getCount();
    return open == 0 ? "Organizations" : "Organizations (" + open + ")";
  }

  public long getCount() {
    if (count == null) {
      count = caller.isInRole(Roles.PLATFORM_OPERATOR) ? directory.openRequestCount() : 0L;
    }
    return count;
  }
}
