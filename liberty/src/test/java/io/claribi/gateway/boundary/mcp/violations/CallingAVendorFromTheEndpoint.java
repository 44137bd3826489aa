package io.claribi.gateway.boundary.mcp.violations;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;

/** Counter-example: the MCP endpoint forwarding a call to a vendor with a client of its own. */
public class CallingAVendorFromTheEndpoint {

  Object forward(McpSyncClient vendor, String tool) {
    return vendor.callTool(new McpSchema.CallToolRequest(tool, Map.of()));
  }
}
