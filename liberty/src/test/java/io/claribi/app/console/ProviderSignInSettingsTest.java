package io.claribi.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import io.claribi.platform.api.TokenClaimNames;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's OpenID Connect settings: off without an issuer; with one, the callback and
 * signed-out addresses under the public URL, the documented defaults, and one error naming every
 * missing or unusable setting; the client secret from exactly one of its two sources and never in
 * {@code toString()}.
 */
class ProviderSignInSettingsTest {

  private static final String SECRET = "the-client-secret";
  private static final TokenClaimNames API_CLAIMS = new TokenClaimNames("tenant", "roles");

  @TempDir Path directory;

  @Test
  void without_an_issuer_the_console_does_not_sign_in_with_a_provider() {
    assertThat(read(Map.of(), Map.of())).isEmpty();
    assertThat(read(Map.of("claribi.console.oidc.issuer", "  "), Map.of())).isEmpty();
    assertThat(
            read(
                Map.of(
                    "claribi.console.oidc.client-id", "claribi-console",
                    "claribi.console.oidc.public-url", "https://claribi.example"),
                Map.of(ProviderSignInSettings.SECRET_VARIABLE, SECRET)))
        .as("the other keys alone turn nothing on")
        .isEmpty();
  }

  @Test
  void an_issuer_alone_counts_as_configured_so_the_password_sign_in_is_off() {
    assertThat(ProviderSignInSettings.configured(config(full()))).isTrue();
    assertThat(
            ProviderSignInSettings.configured(
                config(Map.of("claribi.console.oidc.issuer", "https://idp.example/realms/x"))))
        .as("even when the rest is missing")
        .isTrue();
    assertThat(ProviderSignInSettings.configured(config(Map.of()))).isFalse();
    assertThat(
            ProviderSignInSettings.configured(config(Map.of("claribi.console.oidc.issuer", " "))))
        .isFalse();
  }

  @Test
  void full_settings_give_the_callback_and_signed_out_addresses_under_the_public_url() {
    ProviderSignInSettings settings = read(full(), secret()).orElseThrow();

    assertThat(settings.issuer()).isEqualTo(URI.create("https://idp.example/realms/claribi"));
    assertThat(settings.clientId()).isEqualTo("claribi-console");
    assertThat(settings.clientSecret()).isEqualTo(SECRET);
    assertThat(settings.redirectUri())
        .isEqualTo(URI.create("https://claribi.example/console/oidc/callback"));
    assertThat(settings.signedOutUri())
        .isEqualTo(URI.create("https://claribi.example/console/sign-in.xhtml?signed-out=true"));
  }

  @Test
  void a_trailing_slash_on_the_public_url_is_not_doubled() {
    for (String url : new String[] {"https://claribi.example/", "https://claribi.example//"}) {
      ProviderSignInSettings settings =
          read(with(full(), "claribi.console.oidc.public-url", url), secret()).orElseThrow();

      assertThat(settings.redirectUri())
          .as(url)
          .isEqualTo(URI.create("https://claribi.example/console/oidc/callback"));
      assertThat(settings.signedOutUri())
          .as(url)
          .isEqualTo(URI.create("https://claribi.example/console/sign-in.xhtml?signed-out=true"));
    }
  }

  @Test
  void unset_keys_take_the_documented_defaults() {
    ProviderSignInSettings settings = read(full(), secret()).orElseThrow();

    assertThat(settings.scopes()).containsExactlyInAnyOrder("openid", "profile", "email");
    assertThat(settings.userClaim()).isEqualTo("preferred_username");
    assertThat(settings.claims()).as("the API's claim names").isEqualTo(API_CLAIMS);
    assertThat(settings.adminGroups()).containsExactly("org-admin");
    assertThat(settings.operatorGroups()).containsExactly("platform-operator");
    assertThat(settings.idTokenAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(settings.providerLogout()).isTrue();
    assertThat(settings.displayName()).isEqualTo("your identity provider");
    assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void set_keys_replace_the_defaults() {
    Map<String, String> values = full();
    values.put("claribi.console.oidc.scopes", "email, groups");
    values.put("claribi.console.oidc.user-claim", "email");
    values.put("claribi.console.oidc.organization-claim", "https://claribi.example/org");
    values.put("claribi.console.oidc.groups-claim", "claribi_roles");
    values.put("claribi.console.oidc.admin-groups", "acme-admins, claribi-admins");
    values.put("claribi.console.oidc.operator-groups", "claribi-operators");
    values.put("claribi.console.oidc.id-token-algorithm", "ES256");
    values.put("claribi.console.oidc.provider-logout", "false");
    values.put("claribi.console.oidc.display-name", "Acme Keycloak");
    values.put("claribi.console.oidc.timeout", "PT10S");

    ProviderSignInSettings settings = read(values, secret()).orElseThrow();

    assertThat(settings.scopes())
        .as("openid is always asked for")
        .containsExactlyInAnyOrder("openid", "email", "groups");
    assertThat(settings.userClaim()).isEqualTo("email");
    assertThat(settings.claims())
        .isEqualTo(new TokenClaimNames("https://claribi.example/org", "claribi_roles"));
    assertThat(settings.adminGroups()).isEqualTo(Set.of("acme-admins", "claribi-admins"));
    assertThat(settings.operatorGroups()).isEqualTo(Set.of("claribi-operators"));
    assertThat(settings.idTokenAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    assertThat(settings.providerLogout()).isFalse();
    assertThat(settings.displayName()).isEqualTo("Acme Keycloak");
    assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void without_its_own_public_url_the_console_uses_the_connections_public_url() {
    Map<String, String> values = full();
    values.remove("claribi.console.oidc.public-url");
    values.put(ProviderSignInSettings.PUBLIC_URL, "https://gateway.example/");

    assertThat(read(values, secret()).orElseThrow().redirectUri())
        .isEqualTo(URI.create("https://gateway.example/console/oidc/callback"));

    values.put("claribi.console.oidc.public-url", "https://console.example");
    assertThat(read(values, secret()).orElseThrow().redirectUri())
        .as("its own wins")
        .isEqualTo(URI.create("https://console.example/console/oidc/callback"));
  }

  @Test
  void one_error_names_every_missing_setting() {
    assertThatThrownBy(
            () ->
                read(
                    Map.of("claribi.console.oidc.issuer", "https://idp.example/realms/claribi"),
                    Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("claribi.console.oidc.client-id is missing")
        .hasMessageContaining(ProviderSignInSettings.SECRET_VARIABLE)
        .hasMessageContaining(ProviderSignInSettings.SECRET_FILE_VARIABLE)
        .hasMessageContaining("claribi.console.oidc.public-url")
        .hasMessageContaining(ProviderSignInSettings.PUBLIC_URL);
  }

  @Test
  void a_blank_client_id_is_missing() {
    assertThatThrownBy(() -> read(with(full(), "claribi.console.oidc.client-id", " "), secret()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("claribi.console.oidc.client-id is missing");
  }

  @Test
  void the_secret_in_both_the_variable_and_a_file_is_an_error() throws Exception {
    Path file = Files.writeString(directory.resolve("secret"), SECRET);

    assertThatThrownBy(
            () ->
                read(
                    full(),
                    Map.of(
                        ProviderSignInSettings.SECRET_VARIABLE,
                        SECRET,
                        ProviderSignInSettings.SECRET_FILE_VARIABLE,
                        file.toString())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("both " + ProviderSignInSettings.SECRET_VARIABLE);
  }

  @Test
  void the_secret_is_read_from_a_file_without_its_surrounding_blanks() throws Exception {
    Path file =
        Files.writeString(
            directory.resolve("secret"), "  " + SECRET + "\n", StandardCharsets.UTF_8);

    assertThat(
            read(full(), Map.of(ProviderSignInSettings.SECRET_FILE_VARIABLE, file.toString()))
                .orElseThrow()
                .clientSecret())
        .isEqualTo(SECRET);
  }

  @Test
  void an_inline_secret_loses_its_surrounding_blanks_too() {
    assertThat(
            read(full(), Map.of(ProviderSignInSettings.SECRET_VARIABLE, " " + SECRET + "\n"))
                .orElseThrow()
                .clientSecret())
        .isEqualTo(SECRET);
  }

  @Test
  void an_empty_or_missing_secret_file_is_an_error() throws Exception {
    Path empty = Files.writeString(directory.resolve("empty"), " \n");

    assertThatThrownBy(
            () ->
                read(full(), Map.of(ProviderSignInSettings.SECRET_FILE_VARIABLE, empty.toString())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the client secret file " + empty + " is empty");
    Path missing = directory.resolve("missing");
    assertThatThrownBy(
            () ->
                read(
                    full(),
                    Map.of(ProviderSignInSettings.SECRET_FILE_VARIABLE, missing.toString())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the client secret file " + missing + " cannot be read");
  }

  @Test
  void an_issuer_that_is_not_an_http_url_without_query_is_an_error() {
    for (String issuer :
        new String[] {
          "ftp://idp.example/realms/claribi",
          "idp.example/realms/claribi",
          "https://idp.example/realms/claribi?tenant=acme",
          "https://idp.example/realms/claribi#top",
          "https:///realms/claribi",
          "https://idp example/realms"
        }) {
      assertThatThrownBy(() -> read(with(full(), "claribi.console.oidc.issuer", issuer), secret()))
          .as(issuer)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(ProviderSignInSettings.ISSUER + " is not an http(s) URL");
    }
  }

  @Test
  void a_public_url_with_a_query_is_an_error() {
    assertThatThrownBy(
            () ->
                read(
                    with(full(), "claribi.console.oidc.public-url", "https://claribi.example/?a=b"),
                    secret()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("claribi.console.oidc.public-url is not an http(s) URL");
  }

  @Test
  void an_invalid_claim_name_is_an_error_naming_its_setting() {
    for (String key : new String[] {"organization-claim", "groups-claim", "user-claim"}) {
      assertThatThrownBy(
              () -> read(with(full(), "claribi.console.oidc." + key, "claim name"), secret()))
          .as(key)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("claribi.console.oidc." + key)
          .hasMessageContaining("'claim name'");
    }
  }

  @Test
  void every_invalid_claim_name_is_named() {
    Map<String, String> values = full();
    values.put("claribi.console.oidc.organization-claim", "org name");
    values.put("claribi.console.oidc.user-claim", "user name");

    assertThatThrownBy(() -> read(values, secret()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'org name'")
        .hasMessageContaining("'user name'");
  }

  @Test
  void no_group_mapped_to_any_role_is_an_error() {
    Map<String, String> values = full();
    values.put("claribi.console.oidc.admin-groups", ",");
    values.put("claribi.console.oidc.operator-groups", " , ");

    assertThatThrownBy(() -> read(values, secret()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("are both empty");
  }

  @Test
  void a_timeout_that_is_not_a_duration_is_an_error() {
    assertThatThrownBy(() -> read(with(full(), "claribi.console.oidc.timeout", "5s"), secret()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("claribi.console.oidc.timeout");
  }

  @Test
  void to_string_never_contains_the_secret() throws Exception {
    assertThat(read(full(), secret()).orElseThrow().toString())
        .contains("https://idp.example/realms/claribi", "claribi-console")
        .doesNotContain(SECRET);
    Path file = Files.writeString(directory.resolve("secret"), SECRET);
    assertThat(
            read(full(), Map.of(ProviderSignInSettings.SECRET_FILE_VARIABLE, file.toString()))
                .orElseThrow()
                .toString())
        .doesNotContain(SECRET);
  }

  private static Optional<ProviderSignInSettings> read(
      Map<String, String> values, Map<String, String> environment) {
    return ProviderSignInSettings.read(
        config(values), name -> Optional.ofNullable(environment.get(name)), API_CLAIMS);
  }

  private static Function<String, Optional<String>> config(Map<String, String> values) {
    return key -> Optional.ofNullable(values.get(key));
  }

  /** What an operator must set, nothing more. */
  private static Map<String, String> full() {
    Map<String, String> values = new HashMap<>();
    values.put("claribi.console.oidc.issuer", "https://idp.example/realms/claribi");
    values.put("claribi.console.oidc.client-id", "claribi-console");
    values.put("claribi.console.oidc.public-url", "https://claribi.example");
    return values;
  }

  private static Map<String, String> with(Map<String, String> values, String key, String value) {
    values.put(key, value);
    return values;
  }

  private static Map<String, String> secret() {
    return Map.of(ProviderSignInSettings.SECRET_VARIABLE, SECRET);
  }

  @Test
  void an_hmac_or_unsigned_id_token_algorithm_or_a_timeout_that_is_not_positive_is_refused() {
    for (String algorithm : new String[] {"HS256", "none", "rs256"}) {
      assertThatThrownBy(
              () ->
                  read(
                      with(full(), "claribi.console.oidc.id-token-algorithm", algorithm), secret()))
          .as(algorithm)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("id-token-algorithm must be an asymmetric signature algorithm");
    }
    assertThatThrownBy(() -> read(with(full(), "claribi.console.oidc.timeout", "PT-5S"), secret()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("timeout must be positive");
  }
}
