package io.claribi.gateway.boundary.mcp;

import io.claribi.platform.api.ProblemException;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The HTTP refusals of {@code /mcp}, before any MCP message is handled: RFC 9457 problem details
 * with a stable {@code code}, and the {@code WWW-Authenticate} challenge of RFC 6750 and RFC 9728.
 */
final class McpProblems {

  /** Looked up once: {@code Json.create…} searches the class path on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private McpProblems() {}

  static void write(HttpServletResponse response, ProblemException problem) throws IOException {
    write(response, problem.status(), problem.code(), problem.title(), problem.detail());
  }

  static void write(
      HttpServletResponse response, int status, String code, String title, String detail)
      throws IOException {
    String body =
        JSON.createObjectBuilder()
            .add("type", "urn:claribi:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-'))
            .add("title", title)
            .add("status", status)
            .add("detail", detail)
            .add("code", code)
            .build()
            .toString();
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(body);
  }

  /** 401 with the challenge that tells an MCP client where to find the authorization server. */
  static void unauthorized(
      HttpServletResponse response, String metadataUrl, String error, ProblemException problem)
      throws IOException {
    StringBuilder challenge =
        new StringBuilder("Bearer resource_metadata=\"").append(metadataUrl).append('"');
    if (error != null) {
      challenge.append(", error=\"").append(error).append('"');
    }
    response.setHeader("WWW-Authenticate", challenge.toString());
    write(response, problem);
  }

  /** 403: the token is good but its roles may not use MCP tools. */
  static void insufficientScope(HttpServletResponse response, String metadataUrl)
      throws IOException {
    response.setHeader(
        "WWW-Authenticate",
        "Bearer error=\"insufficient_scope\", resource_metadata=\"" + metadataUrl + "\"");
    write(
        response,
        403,
        "FORBIDDEN",
        "Forbidden",
        "Only an integrator or an organization admin may list and call tools over MCP.");
  }
}
