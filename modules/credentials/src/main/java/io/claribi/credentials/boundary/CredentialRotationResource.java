package io.claribi.credentials.boundary;

import io.claribi.platform.api.Roles;
import io.claribi.platform.api.VerifiedCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Key rotation, for platform operators: start a run, and follow it. */
@Path("credentials/rotation")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed(Roles.PLATFORM_OPERATOR)
public class CredentialRotationResource {

  @Inject KeyRotation rotation;
  @Inject VerifiedCaller caller;

  /** Rows per key, which keys can be removed, and the latest run. */
  @GET
  public RotationStatus status() {
    return rotation.status();
  }

  /** Re-encrypts every credential still under an older key with the newest key. */
  @POST
  public Response start() {
    return Response.accepted(rotation.start(caller.actor())).build();
  }
}
