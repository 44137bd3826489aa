package io.claribi.gateway.boundary.violations;

import io.modelcontextprotocol.modern.server.McpServer;

/** Counter-example: a second, stateless MCP server outside the endpoint package and its checks. */
public class ServingModernMcpFromTheBoundary {

  McpServer serve() {
    return McpServer.builder().build();
  }
}
