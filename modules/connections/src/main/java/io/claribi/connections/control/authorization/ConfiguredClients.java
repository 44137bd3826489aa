package io.claribi.connections.control.authorization;

import io.claribi.connections.control.authorization.ClientRegistration.ClientAuthMethod;
import io.claribi.connections.control.authorization.ClientRegistration.Source;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * clariBI's own OAuth application at a vendor, registered there by the operator: vendors such as
 * Google, Meta and Atlassian only issue confidential web clients, registered by hand. Per catalog
 * vendor id: {@code claribi.oauth.<vendor>.client-id}, {@code .client-secret} and optionally {@code
 * .client-auth-method} ({@code client_secret_post}, the default, or {@code client_secret_basic}).
 * The secret comes from the environment or a secret store (e.g. {@code
 * CLARIBI_OAUTH_GOOGLE_ANALYTICS_CLIENT_SECRET}), never from a file in the WAR, and is read for
 * each request, so a rotated secret needs no restart; it is never stored.
 */
@ApplicationScoped
public class ConfiguredClients {

  @Inject Config config;

  /** The operator's registration for this vendor at this issuer, if one is configured. */
  public Optional<ClientRegistration> forVendor(String vendor, String issuer) {
    return read(key -> config.getOptionalValue(key, String.class), vendor, issuer);
  }

  /** The same from any source of configuration values (tests). */
  static Optional<ClientRegistration> read(
      Function<String, Optional<String>> lookup, String vendor, String issuer) {
    Function<String, Optional<String>> value =
        name ->
            lookup
                .apply("claribi.oauth." + vendor + "." + name)
                .map(String::strip)
                .filter(v -> !v.isEmpty());
    Optional<String> clientId = value.apply("client-id");
    if (clientId.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> secret = value.apply("client-secret");
    if (secret.isEmpty()) {
      return Optional.of(
          ClientRegistration.publicClient(issuer, clientId.get(), Source.PRE_REGISTERED));
    }
    ClientAuthMethod method =
        value
            .apply("client-auth-method")
            .map(ConfiguredClients::method)
            .orElse(ClientAuthMethod.CLIENT_SECRET_POST);
    return Optional.of(
        new ClientRegistration(issuer, clientId.get(), secret, method, Source.PRE_REGISTERED));
  }

  private static ClientAuthMethod method(String name) {
    ClientAuthMethod method = ClientAuthMethod.named(name);
    if (method == ClientAuthMethod.NONE) {
      throw new IllegalStateException("a configured client secret needs a secret method, not none");
    }
    return method;
  }
}
