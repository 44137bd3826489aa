package io.claribi.connections.boundary;

import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.ProblemException;
import io.claribi.platform.api.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** The caller's organization's connections; another organization's do not exist here. */
@Path("connections")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ORG_ADMIN, Roles.INTEGRATOR})
public class ConnectionsResource {

  @Inject ConnectionReads reads;
  @Inject Connecting connecting;
  @Inject Disconnecting disconnecting;
  @Inject ToolReviewRequesting reviewRequesting;

  /**
   * What an org admin sends to connect a vendor. {@code displayName} is optional: without it the
   * connection gets the vendor's name, or "Vendor name 2", "3"… if a connection to the vendor has
   * it. Its rules (trimmed, 1-80 characters, unique per vendor) are checked by the facade, with
   * their own codes.
   */
  public record ConnectRequest(
      @NotNull @Size(min = 1, max = 63) String vendor,
      @NotNull @Size(min = 1, max = 2048) String returnTo,
      @Size(max = 1000) String displayName) {}

  /**
   * Starts connecting a vendor: a PENDING connection, and the vendor's consent screen to send the
   * admin's browser to.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ORG_ADMIN)
  public Response connect(@NotNull @Valid ConnectRequest request) {
    Connecting.Started started =
        connecting.begin(request.vendor(), request.displayName(), request.returnTo());
    return Response.status(Response.Status.CREATED)
        .location(URI.create("connections/" + started.connectionId()))
        .entity(
            Map.of(
                "connectionId", started.connectionId().toString(),
                "state", "PENDING",
                "displayName", started.displayName(),
                "authorizationUrl", started.authorizationUrl().toString(),
                "expiresAt", started.expiresAt().toString()))
        .build();
  }

  /**
   * The vendor's redirect after consent, in the admin's browser (no bearer token: the single-use
   * state identifies the connect). Answers 303 to the connect's returnTo with the result.
   */
  @GET
  @Path("callback")
  @PermitAll
  public Response callback(@Context UriInfo uri) {
    return Response.seeOther(connecting.complete(uri.getQueryParameters())).build();
  }

  @GET
  public List<ConnectionView> list() {
    return reads.all();
  }

  @GET
  @Path("{id}")
  public ConnectionView one(@PathParam("id") String id) {
    return reads.one(ConnectionId.parse(id));
  }

  /** What an org admin sends to ask for a review: an optional message for the operators. */
  public record ReviewRequest(@Size(max = 100_000) String message) {}

  /**
   * Asks the platform operators to review the tools of the connection's vendor that wait for a
   * decision (decision 60). 200 with the request; asking again replaces the message.
   */
  @POST
  @Path("{id}/review-request")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ORG_ADMIN)
  public ToolReviewRequestView requestReview(
      @PathParam("id") String id, @Valid ReviewRequest request) {
    return reviewRequesting.request(
        ConnectionId.parse(id), request == null ? null : request.message());
  }

  /** The organization's request for a review of the connection's vendor; 404 if none. */
  @GET
  @Path("{id}/review-request")
  public ToolReviewRequestView reviewRequest(@PathParam("id") String id) {
    ConnectionId connection = ConnectionId.parse(id);
    return reviewRequesting
        .ofConnection(connection)
        .orElseThrow(
            () -> ProblemException.notFound("A request for a review of the tools of " + id));
  }

  /**
   * Disconnects: the credential and the connection are deleted in one transaction; the vendor's
   * token is revoked afterwards, in the background. 204, or 404 for an unknown (or another
   * organization's) connection.
   */
  @DELETE
  @Path("{id}")
  @RolesAllowed(Roles.ORG_ADMIN)
  public Response disconnect(@PathParam("id") String id) {
    disconnecting.disconnect(ConnectionId.parse(id));
    return Response.noContent().build();
  }
}
