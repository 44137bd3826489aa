package io.claribi.gateway.boundary;

import io.claribi.catalog.api.VendorId;
import io.claribi.platform.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;

/** Where the AI engine asks which data source answers a question, before calling any tool. */
@Path("questions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.INTEGRATOR, Roles.ORG_ADMIN})
public class QuestionsResource {

  @Inject Routing routing;

  /**
   * The data domains a question needs (e.g. {@code payments}), and optionally a vendor to prefer.
   */
  public record RouteRequest(
      @NotNull(message = "name the data domains the question needs")
          @Size(min = 1, max = 20, message = "name 1-20 data domains")
          List<
                  @NotNull
                  @Pattern(
                      regexp = "[a-z0-9][a-z0-9-]{0,39}",
                      message = "a data domain is 1-40 lower-case letters, digits or '-'")
                  String>
              domains,
      @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}", message = "must be a catalog vendor id")
          String preferredVendor) {}

  @POST
  @Path("route")
  public RouteAnswer route(
      @NotNull(message = "a JSON body is required") @Valid RouteRequest request) {
    Routing.Route route =
        routing.route(
            request.domains(),
            Optional.ofNullable(request.preferredVendor()).map(v -> VendorId.parse(v).value()));
    return RouteAnswer.of(route);
  }
}
