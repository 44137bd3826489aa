package io.claribi.gateway.boundary.violations;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;

/** Counter-example: a boundary class with its own MCP client. */
public class CallingTheSdkFromTheBoundary {

  Object refund(McpSyncClient client) {
    return client.callTool(new McpSchema.CallToolRequest("create_refund", Map.of()));
  }
}
