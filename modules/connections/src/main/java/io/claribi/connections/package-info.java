/**
 * Connections: an organization's data sources (MCP connections, native connectors, uploads), the
 * OAuth authorization flow with the vendor, token refresh, the tool gateway (the one path to a
 * vendor's tools) and routing a question to a data source.
 *
 * <p>May use: {@code platform}, {@code tiering}, {@code catalog}, {@code credentials}, each through
 * its {@code api}. Tenant-scoped. The only context that talks to vendors.
 *
 * <p>Invariants: every tool call passes the catalog's allowlist for exactly that tool; a disconnect
 * deletes the connection and its credential row in one transaction.
 */
package io.claribi.connections;
