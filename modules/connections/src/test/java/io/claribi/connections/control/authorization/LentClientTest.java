package io.claribi.connections.control.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.connections.control.authorization.ClientRegistration.ClientAuthMethod;
import io.claribi.connections.control.authorization.ClientRegistration.Source;
import io.claribi.credentials.api.ClientSecret;
import io.claribi.credentials.api.CredentialInfo;
import io.claribi.credentials.api.CredentialUse;
import io.claribi.credentials.api.CredentialVault;
import io.claribi.credentials.api.LentClientSecret;
import io.claribi.credentials.api.TokenSet;
import io.claribi.platform.api.ConnectionId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class LentClientTest {

  private static final String ISSUER = "https://auth.example.com";

  private final SecretsOnlyVault vault = new SecretsOnlyVault();

  @Test
  void a_grant_to_the_organizations_confidential_client_authenticates_with_its_secret() {
    vault.keepClientSecret(new ClientSecret(ISSUER, "conf-1", "client_secret_post", "s3cr3t"));

    ClientRegistration used = LentClient.with(vault, ISSUER, "conf-1", client -> client);

    assertThat(used.authMethod()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_POST);
    assertThat(used.secret()).contains("s3cr3t");
    assertThat(used.authentication()).isPresent();
    assertThat(used.toString()).doesNotContain("s3cr3t");
  }

  @Test
  void an_operator_registration_for_another_client_id_is_passed_over() {
    vault.keepClientSecret(new ClientSecret(ISSUER, "conf-1", "client_secret_post", "s3cr3t"));
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
    vault.keepClientSecret(new ClientSecret(ISSUER, "conf-1", "client_secret_basic", "s3cr3t"));

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

    vault.keepClientSecret(LentClient.toKeep(made));

    assertThat(LentClient.known(vault, ISSUER))
        .hasValueSatisfying(known -> assertThat(known.clientId()).isEqualTo("conf-2"));
    assertThat(LentClient.known(vault, "https://other.example.com")).isEmpty();
  }

  /** The vault's client-secret half, in memory; the token half is not used here. */
  private static final class SecretsOnlyVault implements CredentialVault {

    private final Map<String, ClientSecret> secrets = new HashMap<>();

    @Override
    public void keepClientSecret(ClientSecret secret) {
      secrets.put(secret.issuer(), secret);
    }

    @Override
    public <T> Optional<T> useClientSecret(String issuer, Function<LentClientSecret, T> use) {
      ClientSecret secret = secrets.get(issuer);
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

    @Override
    public void store(ConnectionId connection, TokenSet tokens) {
      throw new AssertionError("token sets are not part of this test");
    }

    @Override
    public <T, X extends Exception> T use(ConnectionId connection, CredentialUse<T, X> use) {
      throw new AssertionError("token sets are not part of this test");
    }

    @Override
    public boolean renew(
        ConnectionId connection,
        Instant freshUntil,
        CredentialUse<TokenSet, RuntimeException> renewal) {
      throw new AssertionError("token sets are not part of this test");
    }

    @Override
    public boolean delete(ConnectionId connection) {
      throw new AssertionError("token sets are not part of this test");
    }

    @Override
    public Optional<CredentialInfo> describe(ConnectionId connection) {
      throw new AssertionError("token sets are not part of this test");
    }
  }
}
