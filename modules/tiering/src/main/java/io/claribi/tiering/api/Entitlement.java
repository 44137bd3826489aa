package io.claribi.tiering.api;

/** A feature that a plan may include. */
public enum Entitlement {
  /** Connecting vendors' MCP servers from the catalog. */
  MCP_CATALOG,
  /** Google Analytics, Google Ads, Meta Ads and Jira through their own OAuth APIs. */
  NATIVE_CONNECTORS,
  /** Uploading files as a data source. */
  FILE_UPLOADS,
  /** Keeping, viewing and exporting the audit trail. */
  AUDIT_TRAIL
}
