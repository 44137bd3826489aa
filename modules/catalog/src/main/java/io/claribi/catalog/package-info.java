/**
 * Catalog: the vendors we integrate (MCP servers and native OAuth connectors), the read-only scopes
 * we request from each, OAuth client registrations per authorization server, the tools discovered
 * from each vendor, and the operator's allowlist decision per vendor and tool.
 *
 * <p>May use: {@code platform}, {@code tiering} (which plan a vendor kind needs, decision 24).
 * Global, not tenant-scoped: rows are curated by platform operators and shared by every
 * organization.
 *
 * <p>Invariants: a tool never seen before is denied; tool names match exactly; vendor annotations
 * are hints for the operator and never allow anything.
 */
package io.claribi.catalog;
