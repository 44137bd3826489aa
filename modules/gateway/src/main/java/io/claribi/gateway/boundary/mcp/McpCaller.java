package io.claribi.gateway.boundary.mcp;

import io.claribi.platform.api.OrganizationId;
import java.util.Objects;

/**
 * Who sent an MCP request, read on the servlet request from the verified token (never from the MCP
 * message) and carried to the handlers in the SDK's transport context.
 */
record McpCaller(OrganizationId organization, String actor) {

  static final String KEY = "claribi.mcp.caller";

  /** The caller the dispatcher admitted, as the SDK hands it to a handler; null if none. */
  static McpCaller in(io.modelcontextprotocol.common.McpTransportContext context) {
    return context == null ? null : context.get(KEY) instanceof McpCaller c ? c : null;
  }

  McpCaller {
    Objects.requireNonNull(organization, "organization");
    Objects.requireNonNull(actor, "actor");
  }
}
