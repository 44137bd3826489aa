package io.claribi.tiering.boundary;

import io.claribi.platform.api.ConcurrentUpdates;
import io.claribi.platform.api.OrganizationId;
import io.claribi.platform.api.Roles;
import io.claribi.tiering.api.OpenPlanRequest;
import io.claribi.tiering.api.Plan;
import io.claribi.tiering.api.PlanRequestView;
import io.claribi.tiering.control.CrossTenantOrganizations;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Platform operators provision organizations and set their plans. This is the one resource that
 * names an organization in its path, and only the platform-operator role reaches it.
 */
@Path("organizations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_OPERATOR)
public class OrganizationsResource {

  static final String PLANS = "FREE|LITE|TRIAL|STARTER|PROFESSIONAL|ENTERPRISE";

  /** Enough for the loser of a create race to run again as an update, with room to spare. */
  public static final int RACE_ATTEMPTS = 4;

  static final int OPEN_REQUESTS_SHOWN = 500;

  @Inject OrganizationPlans plans;
  @Inject OrganizationChanges changes;
  @Inject PlanRequesting requesting;
  @Inject CrossTenantOrganizations directory;

  /** Every organization's open request for a larger plan, oldest first. */
  @GET
  @Path("plan-requests")
  public List<OpenPlanRequest> openRequests() {
    return directory.openRequests(OPEN_REQUESTS_SHOWN);
  }

  /** Declines organization {@code id}'s open plan request with a reason its admins read. */
  @POST
  @Path("{id}/plan-request/decline")
  public PlanRequestView decline(
      @PathParam("id") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String id,
      @NotNull(message = "a JSON body is required") @Valid Declining request) {
    return requesting.decline(new OrganizationId(id), request.reason());
  }

  /** Why an operator declines a request. */
  public record Declining(@NotBlank @Size(max = 500) String reason) {}

  @PUT
  @Path("{id}")
  public Response provision(
      @PathParam("id")
          @Pattern(
              regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}",
              message =
                  "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit")
          String id,
      @NotNull(message = "a JSON body is required") @Valid ProvisionRequest request) {
    OrganizationId organization = new OrganizationId(id);
    OrganizationPlans.Provisioned result =
        changes.oneAtATime(
            organization,
            () ->
                ConcurrentUpdates.retrying(
                    RACE_ATTEMPTS,
                    () ->
                        plans.provision(
                            organization,
                            request.name(),
                            Plan.valueOf(request.plan()),
                            request.reasonOrDefault())));
    return Response.status(result.created() ? Response.Status.CREATED : Response.Status.OK)
        .entity(result.organization())
        .build();
  }

  /** What an operator sends: the organization's display name, its plan and why. */
  public record ProvisionRequest(
      @NotBlank @Size(max = 200) String name,
      @NotNull @Pattern(regexp = PLANS, message = "must be one of " + PLANS) String plan,
      @Size(max = 500) String reason) {

    String reasonOrDefault() {
      return reason == null || reason.isBlank() ? "Set by a platform operator" : reason;
    }
  }
}
