package io.claribi.gateway.boundary.mcp.violations;

import io.modelcontextprotocol.modern.client.McpSyncClient;

/** Counter-example: the endpoint forwarding a call with the SDK's 2026-07-28 client. */
public class CallingAVendorWithTheModernClient {

  Object forward(McpSyncClient vendor, String tool) {
    return vendor.tool(tool).call();
  }
}
