package io.claribi.tiering.boundary.violations;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Deliberate violation for OrganizationFromTokenTest: the organization in the request body. */
@Path("invitations")
public class OrganizationInBodyResource {

  @POST
  public String invite(Invitation invitation) {
    return invitation.email();
  }

  /** What a client sends: whom to invite, and (wrongly) into which organization. */
  public record Invitation(String email, String organizationId) {}
}
