package io.claribi.gateway.control.routing;

/**
 * The kinds of data source a question can be routed to, in the order the ranking prefers them when
 * everything else is equal: a vendor's own MCP server offers its broadest set of read tools, a
 * native connector a small fixed set, and an upload is a snapshot that may be stale.
 */
public enum SourceKind {
  MCP_CONNECTION,
  NATIVE_CONNECTOR,
  UPLOAD
}
