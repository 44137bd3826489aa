package io.claribi.gateway.control.mcpclient;

/** Which MCP revision a vendor's server speaks, as far as the product's client is concerned. */
enum VendorRevision {
  /** 2025-06-18 or 2025-11-25: {@code initialize}, then a session ({@code Mcp-Session-Id}). */
  SESSIONS,
  /** 2026-07-28: no handshake, no session; version and capabilities travel with every request. */
  STATELESS
}
