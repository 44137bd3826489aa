package io.claribi.connections.control.authorization;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What a vendor's MCP server says about itself (RFC 9728): the resource identifier we ask tokens
 * for, its authorization servers, and the scopes it names (in its metadata or in its 401
 * challenge).
 *
 * @param resource the resource indicator sent on authorization, token and refresh requests
 * @param authorizationServers issuers, in the server's order of preference
 * @param scopesSupported from the metadata; empty if it names none
 * @param challengedScope the {@code scope} of the server's 401 challenge, if any
 */
public record ResourceMetadata(
    URI resource,
    List<String> authorizationServers,
    List<String> scopesSupported,
    Optional<String> challengedScope) {

  public ResourceMetadata {
    authorizationServers = List.copyOf(authorizationServers);
    scopesSupported = List.copyOf(scopesSupported);
  }
}
