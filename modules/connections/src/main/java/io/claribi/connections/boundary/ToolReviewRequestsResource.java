package io.claribi.connections.boundary;

import io.claribi.platform.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The requests for a tool review that organizations' admins made and no decision has answered yet,
 * for platform operators (decision 60).
 */
@Path("review-requests")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_OPERATOR)
public class ToolReviewRequestsResource {

  @Inject ToolReviewRequesting requesting;

  @GET
  public List<OpenToolReviewRequest> open() {
    return requesting.open();
  }
}
