package io.claribi.connections.control.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claribi.connections.control.authorization.ClientRegistration.ClientAuthMethod;
import io.claribi.connections.control.authorization.ClientRegistration.Source;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfiguredClientsTest {

  private static final String ISSUER = "https://accounts.google.com";

  private static Optional<ClientRegistration> read(Map<String, String> config) {
    return ConfiguredClients.read(
        key -> Optional.ofNullable(config.get(key)), "google-analytics", ISSUER);
  }

  @Test
  void nothing_configured_means_no_operator_registration() {
    assertThat(read(Map.of())).isEmpty();
    assertThat(read(Map.of("claribi.oauth.google-analytics.client-id", "  "))).isEmpty();
  }

  @Test
  void a_client_id_and_secret_make_a_confidential_client_posting_its_secret_by_default() {
    ClientRegistration client =
        read(Map.of(
                "claribi.oauth.google-analytics.client-id", "123.apps.example",
                "claribi.oauth.google-analytics.client-secret", "s3cr3t"))
            .orElseThrow();

    assertThat(client.issuer()).isEqualTo(ISSUER);
    assertThat(client.clientId()).isEqualTo("123.apps.example");
    assertThat(client.authMethod()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_POST);
    assertThat(client.secret()).contains("s3cr3t");
    assertThat(client.source()).isEqualTo(Source.PRE_REGISTERED);
    assertThat(client.toString()).doesNotContain("s3cr3t");
  }

  @Test
  void the_method_can_be_basic_but_never_none_with_a_secret() {
    assertThat(
            read(Map.of(
                    "claribi.oauth.google-analytics.client-id", "id",
                    "claribi.oauth.google-analytics.client-secret", "s",
                    "claribi.oauth.google-analytics.client-auth-method", "client_secret_basic"))
                .orElseThrow()
                .authMethod())
        .isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);
    assertThatThrownBy(
            () ->
                read(
                    Map.of(
                        "claribi.oauth.google-analytics.client-id", "id",
                        "claribi.oauth.google-analytics.client-secret", "s",
                        "claribi.oauth.google-analytics.client-auth-method", "none")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void a_client_id_alone_is_a_pre_registered_public_client() {
    ClientRegistration client =
        read(Map.of("claribi.oauth.google-analytics.client-id", "public-id")).orElseThrow();

    assertThat(client.authMethod()).isEqualTo(ClientAuthMethod.NONE);
    assertThat(client.secret()).isEmpty();
  }

  @Test
  void a_grant_to_the_configured_client_uses_it_and_a_grant_to_another_does_not() {
    ClientRegistration configured =
        read(Map.of(
                "claribi.oauth.google-analytics.client-id", "operators",
                "claribi.oauth.google-analytics.client-secret", "s3cr3t"))
            .orElseThrow();

    ClientRegistration used =
        LentClient.with(Optional.of(configured), null, ISSUER, "operators", client -> client);
    assertThat(used).isSameAs(configured);
  }
}
