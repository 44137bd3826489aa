package io.claribi.credentials.api;

import java.util.Objects;
import java.util.Set;

/**
 * The secret an authorization server issued to clariBI's confidential client there, for one
 * organization. It exists to be handed to {@link ClientSecretVault#keep} and is never logged:
 * {@code toString} does not show it.
 */
public final class ClientSecret {

  /** How the client authenticates at the token and revocation endpoints (RFC 7591 names). */
  public static final Set<String> AUTH_METHODS =
      Set.of("client_secret_basic", "client_secret_post");

  private final String issuer;
  private final String clientId;
  private final String authMethod;
  private final String secret;

  public ClientSecret(String issuer, String clientId, String authMethod, String secret) {
    this.issuer = requireText(issuer, "issuer");
    this.clientId = requireText(clientId, "client id");
    this.authMethod = requireText(authMethod, "auth method");
    this.secret = requireText(secret, "secret");
    if (!AUTH_METHODS.contains(authMethod)) {
      throw new IllegalArgumentException("unsupported client auth method " + authMethod);
    }
  }

  private static String requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a " + what + " is required");
    }
    return value;
  }

  public String issuer() {
    return issuer;
  }

  /** Its id in the organization's {@link ClientSecretVault}: one secret per issuer. */
  public ClientSecretId id() {
    return new ClientSecretId(issuer);
  }

  public String clientId() {
    return clientId;
  }

  public String authMethod() {
    return authMethod;
  }

  public String secret() {
    return secret;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ClientSecret that
        && issuer.equals(that.issuer)
        && clientId.equals(that.clientId)
        && authMethod.equals(that.authMethod)
        && secret.equals(that.secret);
  }

  @Override
  public int hashCode() {
    return Objects.hash(issuer, clientId, authMethod);
  }

  @Override
  public String toString() {
    return "ClientSecret[" + issuer + ", " + clientId + ", " + authMethod + ", (redacted)]";
  }
}
