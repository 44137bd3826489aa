package io.claribi.connections.control.authorization;

import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.util.Objects;
import java.util.Optional;

/**
 * This product as a client of one authorization server. The secret (for confidential clients) is
 * plaintext here only while a request is built; it is stored sealed. {@code toString} hides it.
 *
 * @param issuer the authorization server
 * @param clientId the client identifier it knows us by
 * @param secret the client secret, for {@code client_secret_basic} or {@code client_secret_post}
 * @param authMethod how we authenticate at its token endpoint
 * @param source how the registration came about
 */
public record ClientRegistration(
    String issuer,
    String clientId,
    Optional<String> secret,
    ClientAuthMethod authMethod,
    Source source) {

  /** The three ways, in the order the MCP authorization specification tries them. */
  public enum Source {
    PRE_REGISTERED,
    METADATA_DOCUMENT,
    DYNAMIC
  }

  /** The token endpoint authentication methods this product supports. */
  public enum ClientAuthMethod {
    NONE("none"),
    CLIENT_SECRET_BASIC("client_secret_basic"),
    CLIENT_SECRET_POST("client_secret_post");

    private final String value;

    ClientAuthMethod(String value) {
      this.value = value;
    }

    public String value() {
      return value;
    }

    public static ClientAuthMethod of(ClientAuthenticationMethod method) {
      return named(method.getValue());
    }

    /** By its RFC 7591 name, e.g. {@code client_secret_basic}. */
    public static ClientAuthMethod named(String name) {
      for (ClientAuthMethod known : values()) {
        if (known.value.equals(name)) {
          return known;
        }
      }
      throw new IllegalArgumentException("unsupported client authentication: " + name);
    }
  }

  public ClientRegistration {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(authMethod, "authMethod");
    Objects.requireNonNull(source, "source");
    secret = secret.filter(s -> !s.isEmpty());
    if (authMethod != ClientAuthMethod.NONE && secret.isEmpty()) {
      throw new IllegalArgumentException(authMethod.value() + " needs a client secret");
    }
  }

  /** A public client: no secret, nothing to authenticate with. */
  public static ClientRegistration publicClient(String issuer, String clientId, Source source) {
    return new ClientRegistration(
        issuer, clientId, Optional.empty(), ClientAuthMethod.NONE, source);
  }

  public ClientID id() {
    return new ClientID(clientId);
  }

  /** The client authentication for a token or revocation request; empty for a public client. */
  public Optional<ClientAuthentication> authentication() {
    return switch (authMethod) {
      case NONE -> Optional.empty();
      case CLIENT_SECRET_BASIC ->
          Optional.of(new ClientSecretBasic(id(), new Secret(secret.get())));
      case CLIENT_SECRET_POST -> Optional.of(new ClientSecretPost(id(), new Secret(secret.get())));
    };
  }

  @Override
  public String toString() {
    return "ClientRegistration["
        + issuer
        + ", "
        + clientId
        + ", "
        + authMethod.value()
        + (secret.isPresent() ? ", secret=(redacted)" : "")
        + ", "
        + source
        + "]";
  }
}
