package io.claribi.audit.boundary;

import io.claribi.platform.api.OrganizationId;
import io.claribi.platform.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The operator-triggered retention job for one organization (docs/operations.md). Only platform
 * operators reach it; it names the organization in its path like provisioning does.
 */
@Path("audit/retention")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_OPERATOR)
public class AuditRetentionResource {

  @Inject RetentionJob job;

  @POST
  @Path("{organization}")
  public RetentionView apply(
      @PathParam("organization")
          @Pattern(
              regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}",
              message =
                  "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit")
          String organization) {
    return job.apply(new OrganizationId(organization));
  }
}
