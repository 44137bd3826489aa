package io.claribi.gateway.boundary;

import io.claribi.platform.api.ProblemException;
import io.claribi.platform.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The operator's view of usage records the audit trail refused (docs/operations.md): across
 * organizations, because the operator is the one who can fix the cause.
 */
@Path("operations/usage-records/set-aside")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_OPERATOR)
public class SetAsideUsageResource {

  @Inject SetAsideUsageRecords records;

  @GET
  public SetAsideView list(@QueryParam("limit") @DefaultValue("100") String limit) {
    return records.list(limit(limit));
  }

  private static int limit(String text) {
    if (text.matches("[0-9]{1,4}")) {
      int limit = Integer.parseInt(text);
      if (limit >= 1 && limit <= 1000) {
        return limit;
      }
    }
    throw ProblemException.badRequest("LIMIT_INVALID", "limit must be a whole number 1-1000.");
  }

  /**
   * Queues the record for its organization's trail again (202); if the trail still refuses it, it
   * is set aside again under a new id.
   */
  @POST
  @Path("{id}/retry")
  public Response retry(@PathParam("id") String id) {
    records.retry(id);
    return Response.accepted().build();
  }
}
