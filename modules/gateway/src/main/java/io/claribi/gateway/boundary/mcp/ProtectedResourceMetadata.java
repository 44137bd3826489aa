package io.claribi.gateway.boundary.mcp;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The OAuth 2.0 Protected Resource Metadata of {@code /mcp} (RFC 9728), at the path-suffixed {@code
 * /.well-known/oauth-protected-resource/mcp} the {@code WWW-Authenticate} challenge names and at
 * the bare {@code /.well-known/oauth-protected-resource} clients of 2025-06-18 try: which resource
 * this is, and which authorization server issues its tokens.
 */
final class ProtectedResourceMetadata extends HttpServlet {

  /** Looked up once: {@code Json.create…} searches the class path on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final long serialVersionUID = 1L;

  private final transient McpSettings settings;

  ProtectedResourceMetadata(McpSettings settings) {
    this.settings = settings;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getPathInfo();
    if (path != null && !path.isEmpty() && !path.equals("/") && !path.equals("/mcp")) {
      McpProblems.write(response, 404, "NOT_FOUND", "Not found", "No such protected resource.");
      return;
    }
    JsonArrayBuilder servers = JSON.createArrayBuilder();
    settings.authorizationServers().forEach(servers::add);
    String body =
        JSON.createObjectBuilder()
            .add("resource", settings.resource())
            .add("authorization_servers", servers)
            .add("bearer_methods_supported", JSON.createArrayBuilder().add("header"))
            .add("resource_name", "clariBI MCP Integrations")
            .add("resource_documentation", "docs/mcp.md")
            .build()
            .toString();
    response.setStatus(200);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Cache-Control", "max-age=3600");
    response.getWriter().write(body);
  }
}
