package io.claribi.demovendor.auth;

import jakarta.servlet.http.HttpServletRequest;

/** This protected resource's URLs, as the caller addressed the server. */
final class Resource {

  static final String METADATA_PATH = "/.well-known/oauth-protected-resource";

  private Resource() {}

  static String base(HttpServletRequest request) {
    String host = request.getHeader("Host");
    if (host == null || host.isBlank()) {
      host = request.getServerName() + ":" + request.getServerPort();
    }
    return request.getScheme() + "://" + host + request.getContextPath();
  }

  /** The MCP endpoint: the resource the tokens are for, fault paths included. */
  static String mcpUrl(HttpServletRequest request) {
    return base(request) + "/mcp";
  }

  static String metadataUrl(HttpServletRequest request) {
    return base(request) + METADATA_PATH;
  }
}
