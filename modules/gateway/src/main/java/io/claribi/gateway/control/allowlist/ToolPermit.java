package io.claribi.gateway.control.allowlist;

import io.claribi.catalog.api.VendorId;
import io.claribi.catalog.api.VendorKind;
import io.claribi.platform.api.ConnectionId;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * The capability to send one {@code tools/call}: the only argument the vendor client accepts for
 * it. Only {@link Allowlist} can make one (package-private constructor, and an ArchUnit rule says
 * so), after the catalog allowed exactly this vendor and tool name and the arguments matched the
 * approved schema.
 */
public final class ToolPermit {

  private final ConnectionId connection;
  private final VendorId vendor;
  private final VendorKind kind;
  private final URI server;
  private final String tool;
  private final Map<String, Object> arguments;
  private final String fingerprint;

  ToolPermit(
      ConnectionId connection,
      VendorId vendor,
      VendorKind kind,
      URI server,
      String tool,
      Map<String, Object> arguments,
      String fingerprint) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.vendor = Objects.requireNonNull(vendor, "vendor");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.server = Objects.requireNonNull(server, "server");
    this.tool = Objects.requireNonNull(tool, "tool");
    this.arguments = Map.copyOf(arguments);
    this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
  }

  public ConnectionId connection() {
    return connection;
  }

  public VendorId vendor() {
    return vendor;
  }

  /** An MCP server, or a native connector's REST API. */
  public VendorKind kind() {
    return kind;
  }

  public URI server() {
    return server;
  }

  public String tool() {
    return tool;
  }

  public Map<String, Object> arguments() {
    return arguments;
  }

  /** The fingerprint of the tool as approved. */
  public String fingerprint() {
    return fingerprint;
  }

  @Override
  public String toString() {
    return "ToolPermit[" + vendor + "/" + tool + " via " + connection + "]";
  }
}
