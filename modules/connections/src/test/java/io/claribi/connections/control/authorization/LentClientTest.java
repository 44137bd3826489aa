package io.claribi.connections.control.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.connections.control.authorization.ClientRegistration.ClientAuthMethod;
import io.claribi.connections.control.authorization.ClientRegistration.Source;
import io.claribi.credentials.api.ClientSecret;
import io.claribi.credentials.api.ClientSecretId;
import io.claribi.credentials.api.ClientSecretVault;
import io.claribi.credentials.api.LentClientSecret;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class LentClientTest {

  private static final String ISSUER = "https://auth.example.com";

  private final InMemoryClientSecrets vault = new InMemoryClientSecrets();

  @Test
  void a_grant_to_the_organizations_confidential_client_authenticates_with_its_secret() {
    vault.keep(new ClientSecret(ISSUER, "conf-1", "client_secret_post", "s3cr3t"));

    ClientRegistration used = LentClient.with(vault, ISSUER, "conf-1", client -> client);

    assertThat(used.authMethod()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_POST);
    assertThat(used.secret()).contains("s3cr3t");
    assertThat(used.authentication()).isPresent();
    assertThat(used.toString()).doesNotContain("s3cr3t");
  }

  @Test
  void an_operator_registration_for_another_client_id_is_passed_over() {
    vault.keep(new ClientSecret(ISSUER, "conf-1", "client_secret_post", "s3cr3t"));
    ClientRegistration operators =
        new ClientRegistration(
            ISSUER,
            "operators",
            Optional.of("op-secret"),
            ClientAuthMethod.CLIENT_SECRET_BASIC,
            Source.PRE_REGISTERED);

    ClientRegistration used =
        LentClient.with(Optional.of(operators), vault, ISSUER, "conf-1", client -> client);

    assertThat(used.clientId()).isEqualTo("conf-1");
    assertThat(used.secret()).contains("s3cr3t");
  }

  @Test
  void a_grant_to_another_client_goes_as_the_public_client() {
    vault.keep(new ClientSecret(ISSUER, "conf-1", "client_secret_basic", "s3cr3t"));

    ClientRegistration used = LentClient.with(vault, ISSUER, "claribi", client -> client);

    assertThat(used.authMethod()).isEqualTo(ClientAuthMethod.NONE);
    assertThat(used.clientId()).isEqualTo("claribi");
    assertThat(used.secret()).isEmpty();
  }

  @Test
  void a_confidential_registration_is_kept_as_a_client_secret_and_found_again() {
    ClientRegistration made =
        new ClientRegistration(
            ISSUER,
            "conf-2",
            Optional.of("another"),
            ClientAuthMethod.CLIENT_SECRET_BASIC,
            Source.DYNAMIC);

    vault.keep(LentClient.toKeep(made));

    assertThat(LentClient.known(vault, ISSUER))
        .hasValueSatisfying(known -> assertThat(known.clientId()).isEqualTo("conf-2"));
    assertThat(LentClient.known(vault, "https://other.example.com")).isEmpty();
  }

  /** The client secret vault, in memory. */
  private static final class InMemoryClientSecrets implements ClientSecretVault {

    private final Map<String, ClientSecret> secrets = new HashMap<>();

    @Override
    public void keep(ClientSecret secret) {
      secrets.put(secret.issuer(), secret);
    }

    @Override
    public <T> Optional<T> use(ClientSecretId id, Function<LentClientSecret, T> use) {
      ClientSecret secret = secrets.get(id.issuer());
      if (secret == null) {
        return Optional.empty();
      }
      return Optional.ofNullable(
          use.apply(
              new LentClientSecret() {
                @Override
                public String clientId() {
                  return secret.clientId();
                }

                @Override
                public String authMethod() {
                  return secret.authMethod();
                }

                @Override
                public String secret() {
                  return secret.secret();
                }
              }));
    }
  }
}
