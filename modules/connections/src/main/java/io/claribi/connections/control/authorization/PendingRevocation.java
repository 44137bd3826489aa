package io.claribi.connections.control.authorization;

import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Token;
import io.claribi.credentials.api.TokenToRevoke;
import java.util.Objects;

/**
 * One revocation request to make (RFC 7009): the token of a deleted connection, lent from the
 * revocation vault, and the client to authenticate as, lent for the same request. Lives for one
 * attempt only; between attempts the token stays sealed in the vault.
 */
public final class PendingRevocation {

  private final String connection;
  private final String issuer;
  private final ClientRegistration client;
  private final TokenToRevoke token;

  public PendingRevocation(
      String connection, String issuer, ClientRegistration client, TokenToRevoke token) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.client = Objects.requireNonNull(client, "client");
    this.token = Objects.requireNonNull(token, "token");
  }

  ClientRegistration client() {
    return client;
  }

  public String connection() {
    return connection;
  }

  public String issuer() {
    return issuer;
  }

  /** The token as the revocation request sends it, with its type hint. */
  Token token() {
    return token.kind() == TokenToRevoke.Kind.REFRESH_TOKEN
        ? new RefreshToken(token.value())
        : new BearerAccessToken(token.value());
  }

  @Override
  public String toString() {
    return "PendingRevocation["
        + connection
        + ", "
        + issuer
        + ", "
        + (token.kind() == TokenToRevoke.Kind.REFRESH_TOKEN ? "refresh token" : "access token")
        + " (redacted)]";
  }
}
