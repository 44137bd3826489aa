/**
 * Connections: an organization's data sources (MCP connections and native connectors), the OAuth
 * authorization flow with the vendor, token refresh, the tool gateway (the one path to a vendor's
 * tools, and to uploaded files) and routing a question to a data source.
 *
 * <p>May use: {@code platform}, {@code tiering}, {@code catalog}, {@code credentials}, {@code
 * uploads}, each through its {@code api}. Tenant-scoped. The only context that talks to vendors.
 *
 * <p>Invariants: every tool call passes the catalog's allowlist for exactly that tool, and only
 * {@code control.vendor} speaks MCP, sending {@code tools/call} only with a {@code ToolPermit} that
 * only {@code control.allowlist.Allowlist} makes (ArchUnit: ReadOnlyByConstructionTest); a
 * disconnect deletes the connection and its credential row in one transaction; a refused call is
 * audited and nothing of it is sent; native connectors ({@code control.nativeapi}) can only GET or
 * POST to documented query endpoints, and only from a method holding a {@code ToolPermit}
 * (ArchUnit: NativeReadOnlyArchitectureTest, ReadOnlyByConstructionTest).
 */
package io.claribi.connections;
