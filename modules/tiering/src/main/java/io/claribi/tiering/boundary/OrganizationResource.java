package io.claribi.tiering.boundary;

import io.claribi.platform.api.Roles;
import io.claribi.tiering.api.OrganizationView;
import io.claribi.tiering.api.PlanChangeView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The caller's own organization: always the one of the verified token, never a parameter. */
@Path("organization")
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationResource {

  @Inject OrganizationPlans plans;

  @GET
  @RolesAllowed({Roles.ORG_ADMIN, Roles.INTEGRATOR, Roles.PLATFORM_OPERATOR})
  public OrganizationView organization() {
    return plans.currentOrganization();
  }

  @GET
  @Path("plan-changes")
  @RolesAllowed(Roles.ORG_ADMIN)
  public List<PlanChangeView> planChanges() {
    return plans.planHistory();
  }

  @GET
  @Path("plan-changes/{id}")
  @RolesAllowed(Roles.ORG_ADMIN)
  public PlanChangeView planChange(
      @PathParam("id") @Pattern(regexp = "[0-9a-f-]{36}", message = "must be a UUID") String id) {
    return plans.planChange(id);
  }
}
