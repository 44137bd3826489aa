package io.claribi.tiering.boundary.violations;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/** Deliberate violation for OrganizationFromTokenTest: a query parameter injected into a field. */
@Path("connections")
public class OrganizationInFieldResource {

  @QueryParam("organization")
  String organization;

  @GET
  public String connections() {
    return organization;
  }
}
