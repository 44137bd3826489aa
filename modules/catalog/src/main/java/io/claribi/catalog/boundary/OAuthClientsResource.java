package io.claribi.catalog.boundary;

import io.claribi.platform.api.PrintableText;
import io.claribi.platform.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * This product's client registrations with vendor authorization servers, one per issuer. The issuer
 * is a query parameter, not a path segment: it is a URL, and an encoded slash in a path is refused
 * by the servlet container.
 */
@Path("catalog/oauth-clients")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_OPERATOR)
public class OAuthClientsResource {

  static final String DEFAULT_REASON = "The authorization server no longer knows this client";

  @Inject ClientRegistrations registrations;

  @GET
  public List<ClientRegistrations.RegistrationView> all() {
    return registrations.all();
  }

  /** 204; 404 when no registration has exactly this issuer. */
  @DELETE
  public Response drop(
      @QueryParam("issuer") @NotBlank(message = "name the issuer") @Size(max = 2048) String issuer,
      @QueryParam("reason") @Size(max = 500) String reason) {
    PrintableText.require("reason", reason);
    registrations.drop(issuer, reason == null || reason.isBlank() ? DEFAULT_REASON : reason);
    return Response.noContent().build();
  }
}
