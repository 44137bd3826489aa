package io.claribi.gateway.control.allowlist;

import io.claribi.catalog.api.VendorId;
import io.claribi.catalog.api.VendorKind;
import io.claribi.platform.api.ConnectionId;
import java.net.URI;
import java.util.Map;

/** Counter-example, kept in the permits' own package: a permit made without the allowlist. */
public class ForgedPermits {

  ToolPermit forge() {
    return new ToolPermit(
        ConnectionId.random(),
        new VendorId("acme-payments"),
        VendorKind.MCP,
        URI.create("http://localhost/mcp"),
        "delete_customer",
        Map.of(),
        "0".repeat(64));
  }
}
