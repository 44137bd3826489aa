/**
 * Gateway: the one road from the AI engine to an organization's data sources. Tool listing and tool
 * calls ({@code GET /tools}, {@code POST /tools/call}, and the same over MCP at {@code /mcp}:
 * {@code boundary.mcp}), resources, question routing, tool discovery for the catalog, admission
 * (plan, connection, allowlist, quota), the MCP client sessions ({@code control.mcpclient}), the
 * native connectors ({@code control.nativeapi}) and the usage records of every call.
 *
 * <p>May use: {@code platform}, {@code tiering}, {@code catalog}, {@code credentials}, {@code
 * connections}, {@code uploads}, each through its {@code api}. Tenant-scoped (it reads and writes
 * only through the bound organization). The only context that talks to vendors' tools.
 *
 * <p>Invariants: every tool call passes the catalog's allowlist for exactly that tool, and only
 * {@code control.mcpclient} speaks MCP to vendors (only {@code boundary.mcp} serves it to AI
 * engines, and it calls through {@code ToolCalls} like the REST API), sending {@code tools/call}
 * only with a {@code ToolPermit} that only {@code control.allowlist.Allowlist} makes (ArchUnit:
 * ReadOnlyByConstructionTest); a refused call is audited and nothing of it is sent; every exchange
 * with a vendor borrows the connection's credential through {@code
 * connections.api.ConnectionExchange}; native connectors can only GET or POST to documented query
 * endpoints, and only from a method holding a {@code ToolPermit} (ArchUnit:
 * NativeReadOnlyArchitectureTest, ReadOnlyByConstructionTest).
 */
package io.claribi.gateway;
