package io.claribi.catalog.api;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A catalog vendor as other contexts see it.
 *
 * @param id the stable slug
 * @param displayName what admins see
 * @param kind MCP server or native OAuth connector
 * @param serverUrl the MCP endpoint (MCP vendors) or the API base (native connectors)
 * @param readScopes the only OAuth scopes clariBI requests from this vendor
 * @param dataDomains what kind of data it holds (payments, crm, ads, analytics, issues, …)
 * @param resourcesEnabled whether the vendor's MCP resources may be listed and read
 * @param authorizationServer a native connector's authorization server (issuer); MCP vendors name
 *     theirs in their protected-resource metadata
 */
public record Vendor(
    VendorId id,
    String displayName,
    VendorKind kind,
    URI serverUrl,
    List<String> readScopes,
    List<String> dataDomains,
    boolean resourcesEnabled,
    Optional<URI> authorizationServer) {

  public Vendor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    readScopes = List.copyOf(readScopes);
    dataDomains = List.copyOf(dataDomains);
    Objects.requireNonNull(authorizationServer, "authorizationServer");
  }
}
