package io.claribi.platform.boundary;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Builds the problem responses that every exception mapper returns. */
final class Problems {

  private Problems() {}

  static Response response(ProblemDetails problem) {
    Response.ResponseBuilder builder =
        Response.status(problem.status()).type(ProblemDetails.MEDIA_TYPE).entity(problem);
    if (problem.status() == 401) {
      // RFC 6750: tell the client which scheme we expect.
      builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"claribi\"");
    }
    return builder.build();
  }

  static String instance(UriInfo uriInfo) {
    return uriInfo == null ? null : "/" + uriInfo.getPath().replaceFirst("^/", "");
  }
}
