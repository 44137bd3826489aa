package io.claribi.platform.boundary;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
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
    return Problems.response(problem(exception));
  }

  ProblemDetails problem(Throwable exception) {
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
