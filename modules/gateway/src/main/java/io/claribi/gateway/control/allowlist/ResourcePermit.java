package io.claribi.gateway.control.allowlist;

import io.claribi.catalog.api.VendorId;
import io.claribi.platform.api.ConnectionId;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The capability to list a vendor's MCP resources or read one: only {@link Allowlist} makes it,
 * when the operator enabled resources for the vendor.
 */
public final class ResourcePermit {

  private final ConnectionId connection;
  private final VendorId vendor;
  private final URI server;
  private final String uri;

  ResourcePermit(ConnectionId connection, VendorId vendor, URI server, String uri) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.vendor = Objects.requireNonNull(vendor, "vendor");
    this.server = Objects.requireNonNull(server, "server");
    this.uri = uri;
  }

  public ConnectionId connection() {
    return connection;
  }

  public VendorId vendor() {
    return vendor;
  }

  public URI server() {
    return server;
  }

  /** The resource to read; empty for a listing. */
  public Optional<String> uri() {
    return Optional.ofNullable(uri);
  }

  @Override
  public String toString() {
    return "ResourcePermit[" + vendor + " " + (uri == null ? "list" : uri) + "]";
  }
}
