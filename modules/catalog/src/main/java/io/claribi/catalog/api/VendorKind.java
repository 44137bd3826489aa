package io.claribi.catalog.api;

/** How clariBI reaches a vendor's data. */
public enum VendorKind {
  /** The vendor's own MCP server, over Streamable HTTP, behind the vendor's OAuth. */
  MCP,
  /** A fixed set of read operations on the vendor's REST API, behind the vendor's OAuth. */
  NATIVE_OAUTH
}
