package io.claribi.platform.boundary;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;

/**
 * An unreadable request body is the client's error (400); a JSON-B failure while writing a response
 * is ours and goes to the unexpected-failure mapper (500 with an incident id).
 */
@Provider
public class JsonbExceptionMapper implements ExceptionMapper<JsonbException> {

  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(JsonbException exception) {
    return Problems.response(problem(exception));
  }

  ProblemDetails problem(JsonbException exception) {
    if (!whileReading(exception)) {
      return new UnexpectedExceptionMapper(uriInfo).problem(exception);
    }
    return ProblemDetails.of(
        400,
        "MALFORMED_JSON",
        "Malformed JSON",
        "The request body is empty or is not JSON of the expected shape.",
        Problems.instance(uriInfo));
  }

  static boolean whileReading(Throwable exception) {
    return Arrays.stream(exception.getStackTrace())
        .anyMatch(
            frame ->
                frame.getMethodName().equals("fromJson")
                    || frame.getMethodName().equals("readFrom"));
  }
}
