package io.claribi.gateway.boundary;

import io.claribi.catalog.api.VendorId;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.ProblemException;
import io.claribi.platform.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * A vendor's MCP resources, where the operator enabled them: the same plan and connection checks as
 * tools. Nothing else of MCP (prompts, sampling, elicitation) is passed through.
 */
@Path("resources")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.INTEGRATOR, Roles.ORG_ADMIN})
public class ResourcesResource {

  @Inject ToolCalls gateway;

  @GET
  public String list(
      @QueryParam("connectionId") String connectionId,
      @QueryParam("vendor") String vendor,
      @QueryParam("cursor") @Size(max = 1000) String cursor) {
    return GatewayJson.answer(
        gateway.listResources(target(connectionId, vendor), cursor), "resource");
  }

  @POST
  @Path("read")
  public String read(@NotNull(message = "a JSON body is required") @Valid ResourceRead request) {
    return GatewayJson.answer(
        gateway.readResource(target(request.connectionId(), request.vendor()), request.uri()),
        "resource");
  }

  static CallTarget target(String connectionId, String vendor) {
    if ((connectionId == null) == (vendor == null)) {
      throw ProblemException.badRequest(
          "VALIDATION_FAILED", "Name exactly one of connectionId and vendor.");
    }
    return connectionId != null
        ? CallTarget.connection(ConnectionId.parse(connectionId))
        : CallTarget.vendor(VendorId.parse(vendor));
  }

  /** {@code connectionId} or {@code vendor}, and the resource's URI as the vendor listed it. */
  public record ResourceRead(
      String connectionId, String vendor, @NotNull @Size(min = 1, max = 2000) String uri) {

    @AssertTrue(message = "name exactly one of connectionId and vendor")
    public boolean isTargetNamed() {
      return (connectionId == null) != (vendor == null);
    }
  }
}
