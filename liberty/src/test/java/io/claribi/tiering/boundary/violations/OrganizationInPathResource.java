package io.claribi.tiering.boundary.violations;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * Deliberate violation for OrganizationFromTokenTest: {@code organizations/{id}} names an
 * organization, and widening the roles of the method loses the platform-operator exception.
 */
@Path("organizations")
@RolesAllowed("platform-operator")
public class OrganizationInPathResource {

  @GET
  @Path("{id}/connections")
  @RolesAllowed({"platform-operator", "org-admin"})
  public String connections(@PathParam("id") String id) {
    return id;
  }
}
