package io.claribi.catalog.api;

import java.util.Objects;
import java.util.Optional;

/**
 * clariBI as a client of one vendor authorization server, known by the server's issuer. Kept once
 * per issuer and shared by every organization's connections to it. No secret is held here: the
 * clients are public (token endpoint authentication {@code none}).
 *
 * @param issuer the authorization server, exactly as its metadata names itself
 * @param clientId the client identifier it knows clariBI by
 * @param source how the registration came about: {@code PRE_REGISTERED} (catalog file or operator),
 *     {@code METADATA_DOCUMENT} or {@code DYNAMIC}
 * @param redirectUri the callback a dynamic registration is bound to
 */
public record RegisteredClient(
    String issuer, String clientId, String source, Optional<String> redirectUri) {

  public RegisteredClient {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(redirectUri, "redirectUri");
  }
}
