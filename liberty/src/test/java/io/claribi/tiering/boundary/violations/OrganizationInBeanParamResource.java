package io.claribi.tiering.boundary.violations;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/** Deliberate violation for OrganizationFromTokenTest: the organization inside a bean parameter. */
@Path("connections")
public class OrganizationInBeanParamResource {

  @GET
  public String connections(@BeanParam Filter filter) {
    return filter.vendor;
  }

  /** The query of a connection search. */
  public static class Filter {
    @QueryParam("vendor")
    String vendor;

    @QueryParam("orgId")
    String organization;
  }
}
