package io.claribi.catalog.api;

import io.claribi.tiering.api.Entitlement;

/** How clariBI reaches a vendor's data, and the plan feature that connecting it takes. */
public enum VendorKind {
  /** The vendor's own MCP server, over Streamable HTTP, behind the vendor's OAuth. */
  MCP(Entitlement.MCP_CATALOG),
  /** A fixed set of read operations on the vendor's REST API, behind the vendor's OAuth. */
  NATIVE_OAUTH(Entitlement.NATIVE_CONNECTORS);

  private final Entitlement entitlement;

  VendorKind(Entitlement entitlement) {
    this.entitlement = entitlement;
  }

  /** The feature a plan must include for this kind of vendor to be connected or called. */
  public Entitlement entitlement() {
    return entitlement;
  }
}
