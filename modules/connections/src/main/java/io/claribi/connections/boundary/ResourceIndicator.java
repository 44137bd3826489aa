package io.claribi.connections.boundary;

import io.claribi.catalog.api.Catalog;
import io.claribi.catalog.api.VendorId;
import io.claribi.catalog.api.VendorKind;
import java.net.URI;

/**
 * The RFC 8707 {@code resource} parameter of a token request. MCP's authorization specification
 * requires it; the authorization servers of native connectors (Google, Meta, Atlassian) do not
 * implement it, so none is sent to them.
 */
final class ResourceIndicator {

  private ResourceIndicator() {}

  /** The indicator to send for a connection to {@code vendor}, or null for none. */
  static URI forVendor(Catalog catalog, String vendor, String resource) {
    boolean nativeConnector =
        catalog
            .vendor(new VendorId(vendor))
            .map(v -> v.kind() == VendorKind.NATIVE_OAUTH)
            .orElse(false);
    return nativeConnector ? null : URI.create(resource);
  }
}
