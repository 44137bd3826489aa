package io.claribi.platform.boundary;

import io.claribi.platform.api.ConcurrentUpdates;
import io.claribi.platform.api.DatabaseUnavailable;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything else is our fault: the client gets an incident id and no stack trace; the log gets the
 * stack trace under the same id.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Context UriInfo uriInfo;

  public UnexpectedExceptionMapper() {}

  UnexpectedExceptionMapper(UriInfo uriInfo) {
    this.uriInfo = uriInfo;
  }

  @Override
  public Response toResponse(Throwable exception) {
    ProblemDetails problem = problem(exception);
    Response response = Problems.response(problem);
    retryAfterSeconds(problem)
        .ifPresent(seconds -> response.getHeaders().putSingle("Retry-After", seconds));
    return response;
  }

  /** Only a database out of reach is worth retrying; our own faults are not. */
  static OptionalLong retryAfterSeconds(ProblemDetails problem) {
    if (problem.status() == 409) {
      return OptionalLong.of(1);
    }
    return problem.status() == 503
        ? OptionalLong.of(DatabaseUnavailable.RETRY_AFTER_SECONDS)
        : OptionalLong.empty();
  }

  ProblemDetails problem(Throwable exception) {
    if (ConcurrentUpdates.isRace(exception)) {
      // a deadlock or a lost race that no retry covered: the client may simply send it again
      LOG.log(
          Level.WARNING, "A request lost a race with another transaction; answered 409", exception);
      return ProblemDetails.of(
          409,
          "CONCURRENT_UPDATE",
          "Concurrent update",
          "Another request changed the same data at the same moment. Send it again after the"
              + " time in Retry-After.",
          Problems.instance(uriInfo));
    }
    Optional<String> unavailable = DatabaseUnavailable.in(exception);
    if (unavailable.isPresent()) {
      // not our fault and not worth a stack trace per request: the readiness check says the same
      LOG.warning(
          () ->
              "Database unavailable (SQL state "
                  + unavailable.get()
                  + "): "
                  + Problems.instance(uriInfo)
                  + " answered 503");
      return ProblemDetails.of(
          503,
          "DATABASE_UNAVAILABLE",
          "Database unavailable",
          "The server cannot reach its database just now. Retry after the time in Retry-After.",
          Problems.instance(uriInfo));
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, exception);
    return ProblemDetails.of(
            500,
            "INTERNAL_ERROR",
            "Internal error",
            "The server failed to complete the request. Quote the incident id when reporting it.",
            Problems.instance(uriInfo))
        .withIncident(incident);
  }
}
