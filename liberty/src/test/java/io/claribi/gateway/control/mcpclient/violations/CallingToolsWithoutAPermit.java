package io.claribi.gateway.control.mcpclient.violations;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;

/** Counter-example: inside the vendor package, but sending without any permit in hand. */
public class CallingToolsWithoutAPermit {

  Object sendAnything(McpSyncClient client, String tool) {
    return client.callTool(new McpSchema.CallToolRequest(tool, Map.of()));
  }

  Object readAnything(McpSyncClient client, String uri) {
    return client.readResource(new McpSchema.ReadResourceRequest(uri));
  }
}
