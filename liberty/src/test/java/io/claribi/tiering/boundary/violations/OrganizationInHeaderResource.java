package io.claribi.tiering.boundary.violations;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;

/** Deliberate violation for OrganizationFromTokenTest: the organization from a header. */
@Path("connections")
public class OrganizationInHeaderResource {

  @GET
  public String connections(@HeaderParam("X-Org") String organization) {
    return organization;
  }
}
