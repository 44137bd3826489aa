package io.claribi.connections.control.authorization;

import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Token;
import io.claribi.connections.control.authorization.ClientRegistration.Source;
import io.claribi.credentials.api.ClientSecretVault;
import io.claribi.credentials.api.Credential;
import java.util.Objects;
import java.util.Optional;

/**
 * The token of a disconnected connection, held in memory only until its authorization server has
 * revoked it (or the retries give up): the database keeps no tombstone with a secret in it. The
 * refresh token is preferred, since revoking it ends the whole grant (RFC 7009 §2.1).
 */
public final class PendingRevocation {

  private final String connection;
  private final String issuer;
  private final String clientId;
  private final Token token;
  private volatile ClientRegistration client;

  private PendingRevocation(String connection, String issuer, String clientId, Token token) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.clientId = Objects.requireNonNull(clientId, "clientId");
    this.token = Objects.requireNonNull(token, "token");
    this.client = ClientRegistration.publicClient(issuer, clientId, Source.PRE_REGISTERED);
  }

  /** Takes the token to revoke out of a credential lent for the disconnect. */
  public static PendingRevocation of(
      String connection, String issuer, String clientId, Credential credential) {
    Token token =
        credential
            .refreshToken()
            .<Token>map(RefreshToken::new)
            .orElseGet(() -> new BearerAccessToken(credential.accessToken()));
    return new PendingRevocation(connection, issuer, clientId, token);
  }

  /**
   * Takes along the organization's confidential registration, if the grant was made to it: its
   * secret is needed to authenticate the revocation, after the disconnect has committed.
   */
  public PendingRevocation authenticatedWith(
      Optional<ClientRegistration> configured, ClientSecretVault clientSecrets) {
    LentClient.with(
        configured,
        clientSecrets,
        issuer,
        clientId,
        registration -> {
          client = registration;
          return registration;
        });
    return this;
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

  public String clientId() {
    return clientId;
  }

  Token token() {
    return token;
  }

  @Override
  public String toString() {
    return "PendingRevocation["
        + connection
        + ", "
        + issuer
        + ", "
        + (token instanceof RefreshToken ? "refresh token" : "access token")
        + " (redacted)]";
  }
}
