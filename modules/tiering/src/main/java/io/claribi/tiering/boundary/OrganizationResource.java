package io.claribi.tiering.boundary;

import io.claribi.platform.api.Roles;
import io.claribi.tiering.api.OrganizationView;
import io.claribi.tiering.api.Plan;
import io.claribi.tiering.api.PlanChangeView;
import io.claribi.tiering.api.PlanRequestView;
import io.claribi.tiering.api.ToolCallHistory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The caller's own organization: always the one of the verified token, never a parameter. */
@Path("organization")
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationResource {

  @Inject OrganizationPlans plans;
  @Inject UsageHistory usage;
  @Inject PlanRequesting requesting;

  /**
   * An admin asks the platform operators for a larger plan; asking again while a request is open
   * replaces it. 201 with the request.
   */
  @POST
  @Path("plan-requests")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ORG_ADMIN)
  public Response requestPlan(@NotNull(message = "a JSON body is required") @Valid Asking asking) {
    return Response.status(Response.Status.CREATED)
        .entity(requesting.request(Plan.valueOf(asking.plan()), asking.message()))
        .build();
  }

  /** The organization's plan requests, newest first: open, granted or declined (with why). */
  @GET
  @Path("plan-requests")
  @RolesAllowed(Roles.ORG_ADMIN)
  public List<PlanRequestView> planRequests() {
    return requesting.history();
  }

  /** What an admin sends: the plan wanted and, if they like, a message for the operators. */
  public record Asking(
      @NotNull
          @Pattern(
              regexp = OrganizationsResource.PLANS,
              message = "must be one of " + OrganizationsResource.PLANS)
          String plan,
      @Size(max = 500) String message) {}

  @GET
  @RolesAllowed({Roles.ORG_ADMIN, Roles.INTEGRATOR, Roles.PLATFORM_OPERATOR})
  public OrganizationView organization() {
    return plans.currentOrganization();
  }

  /**
   * The month's tool calls per day, connection and tool, as recorded in the audit trail; {@code
   * connection} or {@code tool} narrow it to one.
   */
  @GET
  @Path("usage")
  @RolesAllowed({Roles.ORG_ADMIN, Roles.INTEGRATOR})
  public ToolCallHistory usage(
      @QueryParam("month") @Pattern(regexp = "\\d{4}-\\d{2}", message = "must be yyyy-MM")
          String month,
      @QueryParam("connection") @Size(max = 64) String connection,
      @QueryParam("tool") @Size(max = 255) String tool) {
    return usage.history(month, connection, tool);
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
