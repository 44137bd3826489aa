package io.claribi.connections.boundary;

import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The caller's organization's connections; another organization's do not exist here. */
@Path("connections")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ORG_ADMIN, Roles.INTEGRATOR})
public class ConnectionsResource {

  @Inject ConnectionReads reads;

  @GET
  public List<ConnectionView> list() {
    return reads.all();
  }

  @GET
  @Path("{id}")
  public ConnectionView one(@PathParam("id") String id) {
    return reads.one(ConnectionId.parse(id));
  }
}
