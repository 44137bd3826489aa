package io.claribi.audit.boundary;

import io.claribi.audit.control.AuditSettings;
import io.claribi.audit.control.EventFilter;
import io.claribi.platform.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The caller's audit trail: query, export, verify, and a connection's activity in a window.
 * Organization admins, on plans that include the audit trail; and platform operators, whose own
 * organization's trail is the operators' trail (catalog changes, tool decisions, plan changes), on
 * any plan.
 */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ORG_ADMIN, Roles.PLATFORM_OPERATOR})
public class AuditResource {

  static final String CSV = "text/csv";
  static final String JSONL = "application/jsonl";

  @Inject AuditTrail trail;
  @Inject Verification verification;
  @Inject AuditSettings settings;
  @Inject Clock clock;

  @Context UriInfo uriInfo;

  /**
   * A page of events (default), or with {@code format=csv|jsonl} the whole selection streamed as a
   * file that ends with a chain trailer.
   */
  @GET
  @Path("events")
  @Produces({MediaType.APPLICATION_JSON, CSV, JSONL})
  public Response events(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("connection") String connection,
      @QueryParam("vendor") String vendor,
      @QueryParam("type") List<String> types,
      @QueryParam("actor") String actor,
      @QueryParam("format") String format,
      @QueryParam("limit") String limit,
      @QueryParam("after") String after,
      @QueryParam("before") String before,
      @QueryParam("order") String order) {
    trail.requireEntitled();
    EventFilter filter = AuditQuery.filter(from, to, connection, vendor, types, actor);
    ExportFormat export = AuditQuery.format(format);
    boolean newestFirst = AuditQuery.newestFirst(order, after, before, export != null);
    if (export == null) {
      int size = AuditQuery.limit(limit);
      List<EventView> events =
          newestFirst
              ? trail.selectNewestFirst(filter, AuditQuery.before(before), size)
              : trail.select(filter, AuditQuery.after(after), Long.MAX_VALUE, size);
      return Response.ok(EventPage.of(events, size), MediaType.APPLICATION_JSON).build();
    }
    Export file = Export.of(trail, settings, clock.instant(), filter, export, query());
    return Response.ok(file.stream(), file.mediaType())
        .header("Content-Disposition", file.contentDisposition())
        .build();
  }

  /** The selection as asked, for the trailer. */
  private String query() {
    String query = uriInfo == null ? null : uriInfo.getRequestUri().getRawQuery();
    return query == null ? "" : query;
  }

  /** Recomputes the whole chain and names the first broken link, if any. */
  @GET
  @Path("verify")
  public VerificationView verify() {
    trail.requireEntitled();
    return verification.verify();
  }

  /** Was this connection active in {@code [from, to)}: created, disconnected, uses. */
  @GET
  @Path("connections/{id}/activity")
  public ActivityView activity(
      @PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to) {
    trail.requireEntitled();
    String connection = AuditQuery.identifier("id", id);
    Instant start = AuditQuery.requiredTime("from", from);
    Instant end = AuditQuery.requiredTime("to", to);
    AuditQuery.requireOrdered(start, end);
    return trail.activity(connection, start, end);
  }
}
