package io.claribi.platform.boundary;

import io.claribi.platform.api.ProblemException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Failures the product raised on purpose carry their own status and code. */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(ProblemException exception) {
    Response response = Problems.response(problem(exception));
    exception
        .retryAfterSeconds()
        .ifPresent(seconds -> response.getHeaders().putSingle("Retry-After", seconds));
    return response;
  }

  ProblemDetails problem(ProblemException exception) {
    ProblemDetails problem =
        ProblemDetails.of(
            exception.status(),
            exception.code(),
            exception.title(),
            exception.detail(),
            Problems.instance(uriInfo));
    return exception.requiredPlan().map(problem::withRequiredPlan).orElse(problem);
  }
}
