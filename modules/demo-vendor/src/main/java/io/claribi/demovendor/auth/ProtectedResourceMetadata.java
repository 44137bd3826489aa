package io.claribi.demovendor.auth;

import io.claribi.demovendor.Json;
import io.claribi.demovendor.tools.Scopes;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 9728 protected resource metadata: which authorization server issues tokens for the MCP URL.
 */
public final class ProtectedResourceMetadata extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final String issuer;

  public ProtectedResourceMetadata(String issuer) {
    this.issuer = issuer;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("resource", Resource.mcpUrl(request));
    metadata.put("authorization_servers", List.of(issuer));
    // The embedded authorization server is an OpenID provider: its code flow needs "openid", which
    // grants no access to Acme's data.
    metadata.put("scopes_supported", List.of("openid", Scopes.READ, Scopes.WRITE));
    metadata.put("bearer_methods_supported", List.of("header"));
    metadata.put("resource_name", "Acme Payments (clariBI demo vendor)");
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(Json.MAPPER.writeValueAsString(metadata));
  }
}
