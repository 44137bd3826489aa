package io.claribi.platform.boundary;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;

/** Bean Validation failures on request input: 400 with every invalid field named. */
@Provider
public class ConstraintViolationExceptionMapper
    implements ExceptionMapper<ConstraintViolationException> {

  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(ConstraintViolationException exception) {
    List<ProblemDetails.FieldError> errors =
        exception.getConstraintViolations().stream()
            .map(v -> new ProblemDetails.FieldError(field(v), v.getMessage()))
            .sorted(Comparator.comparing(ProblemDetails.FieldError::field))
            .toList();
    return Problems.response(
        ProblemDetails.of(
                400,
                "VALIDATION_FAILED",
                "Validation failed",
                "The request has invalid fields.",
                Problems.instance(uriInfo))
            .withErrors(errors));
  }

  /**
   * "update.arg1.plan" becomes "plan": the method and argument position mean nothing to a client.
   */
  static String field(ConstraintViolation<?> violation) {
    String path = violation.getPropertyPath().toString();
    String[] parts = path.split("\\.");
    return parts.length <= 2
        ? parts[parts.length - 1]
        : String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
  }
}
