package io.claribi.demovendor.auth;

import io.claribi.demovendor.Json;
import io.claribi.demovendor.tools.Scopes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * In front of the MCP endpoint (and its fault paths): no valid bearer token, no MCP. Answers 401
 * with an RFC 9728 {@code resource_metadata} pointer, so a client can discover the authorization
 * server; on success leaves the token's scopes on the request for the tool handlers.
 */
public final class BearerTokenFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final String PREFIX = "Bearer ";

  private final transient AccessTokens tokens;

  public BearerTokenFilter(AccessTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      refuse(request, response, null, "A bearer token is required");
      return;
    }
    Set<String> scopes;
    try {
      scopes = tokens.verify(header.substring(PREFIX.length()).trim(), Resource.mcpUrl(request));
    } catch (AccessTokens.InvalidTokenException e) {
      refuse(request, response, "invalid_token", e.getMessage());
      return;
    }
    request.setAttribute(Scopes.GRANTED, scopes);
    // The SDK's streamed (SSE) answers never set a status; on Liberty such a response was seen to
    // go out as 401, so say 200 here and let the SDK override it for its own errors.
    response.setStatus(HttpServletResponse.SC_OK);
    chain.doFilter(request, response);
  }

  private static void refuse(
      HttpServletRequest request, HttpServletResponse response, String error, String description)
      throws IOException {
    StringBuilder challenge =
        new StringBuilder("Bearer resource_metadata=\"")
            .append(Resource.metadataUrl(request))
            .append('"');
    if (error != null) {
      challenge.append(", error=\"").append(error).append('"');
    }
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", challenge.toString());
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            Json.MAPPER.writeValueAsString(
                Map.of(
                    "error", error == null ? "unauthorized" : error,
                    "error_description", description == null ? "" : description)));
  }
}
