package io.claribi.platform.boundary;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JAX-RS runtime's own failures (unknown path, wrong method, unreadable body, missing role)
 * become problem details with a code derived from the status.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  private static final Logger LOG = Logger.getLogger(WebApplicationExceptionMapper.class.getName());

  private static final Map<Integer, String[]> BY_STATUS =
      Map.of(
          400, new String[] {"BAD_REQUEST", "Bad request", "The request could not be read."},
          401,
              new String[] {
                "AUTHENTICATION_REQUIRED",
                "Authentication required",
                "A valid bearer token is required."
              },
          403,
              new String[] {
                "FORBIDDEN", "Forbidden", "The caller's role does not allow this operation."
              },
          404, new String[] {"NOT_FOUND", "Not found", "No resource exists at this address."},
          405,
              new String[] {
                "METHOD_NOT_ALLOWED",
                "Method not allowed",
                "This resource does not support the method."
              },
          406,
              new String[] {
                "NOT_ACCEPTABLE",
                "Not acceptable",
                "The resource cannot produce the requested media type."
              },
          415,
              new String[] {
                "UNSUPPORTED_MEDIA_TYPE",
                "Unsupported media type",
                "The resource does not accept this content type."
              });

  @Context UriInfo uriInfo;

  ProblemDetails problem(int status) {
    String[] known = BY_STATUS.get(status);
    return known != null
        ? ProblemDetails.of(status, known[0], known[1], known[2], Problems.instance(uriInfo))
        : ProblemDetails.of(
            status,
            "HTTP_" + status,
            "Request failed",
            "The request failed.",
            Problems.instance(uriInfo));
  }

  @Override
  public Response toResponse(WebApplicationException exception) {
    int status = exception.getResponse().getStatus();
    if (status >= 500 || !BY_STATUS.containsKey(status)) {
      LOG.log(Level.WARNING, "JAX-RS failure with status " + status, exception);
    }
    Response response = Problems.response(problem(status));
    String allow = exception.getResponse().getHeaderString(HttpHeaders.ALLOW);
    return allow == null
        ? response
        : Response.fromResponse(response).header(HttpHeaders.ALLOW, allow).build();
  }
}
