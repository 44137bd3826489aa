package io.claribi.gateway.boundary.violations;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;

/** Counter-example: a second MCP server, outside the endpoint package and its checks. */
public class ServingMcpFromTheBoundary {

  McpSyncServer serve(McpStreamableServerTransportProvider transport) {
    return McpServer.sync(transport).serverInfo("unchecked", "1").build();
  }
}
