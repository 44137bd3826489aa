package io.claribi.app.errors;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The container's error page for everything the application did not answer itself (a path the
 * servlet container refuses to map, such as {@code ..%2f}, or an invalid byte sequence after
 * decoding): under {@code /api/} an RFC 9457 problem detail, like every other API answer; elsewhere
 * the console's own HTML page. Nothing names the server or echoes the request.
 */
public class ErrorPage extends HttpServlet {

  /** Looked up once: {@code Json.create…} searches the class path on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final long serialVersionUID = 1L;

  private static final Map<Integer, String[]> API =
      Map.of(
          400,
          new String[] {"BAD_REQUEST", "Bad request", "The request address could not be read."},
          403,
          new String[] {"FORBIDDEN", "Forbidden", "The caller's role does not allow this."},
          404,
          new String[] {"NOT_FOUND", "Not found", "No resource exists at this address."},
          405,
          new String[] {
            "METHOD_NOT_ALLOWED", "Method not allowed", "This resource does not support the method."
          });

  private static final Map<Integer, String> CONSOLE =
      Map.of(
          403, "/console/errors/forbidden.html",
          404, "/console/errors/not-found.html");

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    int status = status(request, response);
    String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (uri != null && uri.startsWith(request.getContextPath() + "/api/")) {
      problem(response, status);
    } else {
      request
          .getRequestDispatcher(CONSOLE.getOrDefault(status, "/console/errors/error.html"))
          .forward(request, response);
    }
  }

  private static int status(HttpServletRequest request, HttpServletResponse response) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : response.getStatus();
    return status >= 400 && status <= 599 ? status : 500;
  }

  private static void problem(HttpServletResponse response, int status) throws IOException {
    String[] known =
        API.getOrDefault(
            status,
            status >= 500
                ? new String[] {
                  "INTERNAL_ERROR", "Internal error", "The server failed to complete the request."
                }
                : new String[] {"HTTP_" + status, "Request failed", "The request failed."});
    JsonObjectBuilder body =
        JSON.createObjectBuilder()
            .add("type", "urn:claribi:problem:" + known[0].toLowerCase().replace('_', '-'))
            .add("title", known[1])
            .add("status", status)
            .add("detail", known[2])
            .add("code", known[0]);
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(body.build().toString());
  }
}
