package io.claribi.gateway.boundary;

import io.claribi.catalog.api.DiscoveryOutcome;
import io.claribi.catalog.api.VendorId;
import io.claribi.platform.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * An operator asks for a vendor's tools to be listed again now (a path of its own, so no tool name
 * can collide with it). It lives in the gateway because only the gateway talks to vendors' tools;
 * the listing goes through the operator's own organization's connection, or else through another
 * organization's active one ({@link CatalogDiscovery}), of which the operator learns nothing.
 */
@Path("catalog/vendors/{vendor}/discovery")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_OPERATOR)
public class DiscoveryResource {

  @Inject CatalogDiscovery discovery;

  @POST
  public DiscoveryOutcome refresh(@PathParam("vendor") String vendor) {
    return discovery.asOperator(VendorId.parse(vendor));
  }
}
