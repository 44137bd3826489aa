package io.claribi.catalog.boundary;

import io.claribi.catalog.api.VendorId;
import io.claribi.catalog.entity.Decision;
import io.claribi.platform.api.ConcurrentUpdates;
import io.claribi.platform.api.Roles;
import io.claribi.platform.api.VerifiedCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;

/**
 * A vendor's tools and the operator's decision on each. The tool name in the path is
 * percent-decoded and then matched exactly: another case, a trailing space or a look-alike letter
 * is another tool.
 */
@Path("catalog/vendors/{vendor}/tools")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ToolsResource {

  @Inject Browsing browsing;
  @Inject Curation curation;
  @Inject VerifiedCaller caller;

  @GET
  @RolesAllowed({Roles.ORG_ADMIN, Roles.INTEGRATOR, Roles.PLATFORM_OPERATOR})
  public List<ToolView> tools(@PathParam("vendor") String vendor) {
    return browsing.tools(VendorId.parse(vendor), caller.isInRole(Roles.PLATFORM_OPERATOR));
  }

  @PUT
  @Path("{tool}")
  @RolesAllowed(Roles.PLATFORM_OPERATOR)
  public ToolView decide(
      @PathParam("vendor") String vendor,
      @PathParam("tool") String tool,
      @NotNull(message = "a JSON body is required") @Valid DecisionRequest request) {
    // a decision is appended to every connected organization's trail: it can lose a race for a
    // chain head to the usage relay, and then runs again in a new transaction
    return ConcurrentUpdates.retrying(
        Curation.RACE_ATTEMPTS,
        () ->
            curation.decide(
                VendorId.parse(vendor),
                tool,
                Decision.valueOf(request.decision()),
                request.reason(),
                Optional.ofNullable(request.fingerprint())));
  }

  @GET
  @Path("{tool}/decisions")
  @RolesAllowed({Roles.ORG_ADMIN, Roles.INTEGRATOR, Roles.PLATFORM_OPERATOR})
  public List<DecisionView> decisions(
      @PathParam("vendor") String vendor, @PathParam("tool") String tool) {
    return curation.decisions(VendorId.parse(vendor), tool);
  }

  /**
   * An operator's decision. With {@code fingerprint}, it applies only if the tool is still exactly
   * what was reviewed.
   */
  public record DecisionRequest(
      @NotNull @Pattern(regexp = "ALLOW|DENY", message = "must be ALLOW or DENY") String decision,
      @NotBlank(message = "a reason is required") @Size(max = 500) String reason,
      @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lower-case hex digits")
          String fingerprint) {}
}
