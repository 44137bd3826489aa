package io.claribi.app.console;

import com.nimbusds.jose.JWSAlgorithm;
import io.claribi.platform.api.TokenClaimNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * How the console signs people in with the customer's OpenID Connect provider (decision 50). Read
 * from MicroProfile Config ({@code claribi.console.oidc.*}, or the {@code CLARIBI_CONSOLE_OIDC_*}
 * environment variables); docs/operations.md, "Signing in with OpenID Connect", describes every
 * key. Off unless {@code claribi.console.oidc.issuer} is set; when it is set, the console's
 * password sign-in (development users, LDAP) is off.
 *
 * <p>The client secret is not a configuration value: it comes from the environment variable {@code
 * CLARIBI_CONSOLE_OIDC_CLIENT_SECRET} or from the file {@code
 * CLARIBI_CONSOLE_OIDC_CLIENT_SECRET_FILE} names (a mounted secret), and never appears in {@link
 * #toString()}.
 */
record ProviderSignInSettings(
    URI issuer,
    String clientId,
    String clientSecret,
    Set<String> scopes,
    URI redirectUri,
    URI signedOutUri,
    String userClaim,
    TokenClaimNames claims,
    Set<String> adminGroups,
    Set<String> operatorGroups,
    JWSAlgorithm idTokenAlgorithm,
    boolean providerLogout,
    String displayName,
    Duration timeout) {

  static final String PREFIX = "claribi.console.oidc.";
  static final String ISSUER = PREFIX + "issuer";
  static final String SECRET_VARIABLE = "CLARIBI_CONSOLE_OIDC_CLIENT_SECRET";
  static final String SECRET_FILE_VARIABLE = "CLARIBI_CONSOLE_OIDC_CLIENT_SECRET_FILE";
  static final String CALLBACK_PATH = "/console/oidc/callback";
  static final String PUBLIC_URL = "claribi.connections.public-url";

  /**
   * The settings, or none when no issuer is set.
   *
   * @param config a configuration value by key
   * @param environment an environment variable by name (the client secret's sources)
   * @param claims the API's claim names, the defaults for the console's
   * @throws IllegalStateException naming every missing or unusable setting
   */
  static Optional<ProviderSignInSettings> read(
      Function<String, Optional<String>> config,
      Function<String, Optional<String>> environment,
      TokenClaimNames claims) {
    Function<String, Optional<String>> value =
        key -> config.apply(PREFIX + key).map(String::strip).filter(text -> !text.isEmpty());
    Optional<String> issuer = value.apply("issuer");
    if (issuer.isEmpty()) {
      return Optional.empty();
    }
    List<String> problems = new ArrayList<>();
    if (value.apply("client-id").isEmpty()) {
      problems.add(PREFIX + "client-id is missing");
    }
    Optional<String> secret = secret(environment, problems);
    Optional<String> publicUrl =
        value
            .apply("public-url")
            .or(() -> config.apply(PUBLIC_URL).map(String::strip).filter(t -> !t.isEmpty()));
    if (publicUrl.isEmpty()) {
      problems.add(PREFIX + "public-url (or " + PUBLIC_URL + ") is missing");
    }
    URI issuerUri = absolute(issuer.get(), ISSUER, problems);
    URI base = publicUrl.map(url -> absolute(url, PREFIX + "public-url", problems)).orElse(null);
    Set<String> admins = names(value.apply("admin-groups").orElse("org-admin"));
    Set<String> operators = names(value.apply("operator-groups").orElse("platform-operator"));
    if (admins.isEmpty() && operators.isEmpty()) {
      problems.add(PREFIX + "admin-groups and " + PREFIX + "operator-groups are both empty");
    }
    String userClaim = claimName(value, "user-claim", "preferred_username", problems);
    String organizationClaim =
        claimName(value, "organization-claim", claims.organization(), problems);
    String groupsClaim = claimName(value, "groups-claim", claims.groups(), problems);
    TokenClaimNames consoleClaims =
        organizationClaim == null || groupsClaim == null
            ? null
            : new TokenClaimNames(organizationClaim, groupsClaim);
    Duration timeout = Duration.ofSeconds(5);
    try {
      timeout = value.apply("timeout").map(Duration::parse).orElse(timeout);
      if (timeout.isNegative() || timeout.isZero()) {
        problems.add(PREFIX + "timeout must be positive");
      }
    } catch (RuntimeException e) {
      problems.add(PREFIX + "timeout is not an ISO-8601 duration such as PT5S");
    }
    // a provider signs ID tokens with its private key: no shared-secret (HMAC) or unsigned tokens
    JWSAlgorithm algorithm = JWSAlgorithm.parse(value.apply("id-token-algorithm").orElse("RS256"));
    if (!JWSAlgorithm.Family.SIGNATURE.contains(algorithm)) {
      problems.add(
          PREFIX
              + "id-token-algorithm must be an asymmetric signature algorithm such as RS256,"
              + " PS256 or ES256, not '"
              + algorithm.getName()
              + "'");
    }
    Set<String> scopes = new LinkedHashSet<>(List.of("openid"));
    scopes.addAll(names(value.apply("scopes").orElse("openid profile email").replace(' ', ',')));
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "The console's OpenID Connect sign-in is not usable: " + String.join("; ", problems));
    }
    String root = base.toString().replaceAll("/+$", "");
    return Optional.of(
        new ProviderSignInSettings(
            issuerUri,
            value.apply("client-id").get(),
            secret.get(),
            Set.copyOf(scopes),
            URI.create(root + CALLBACK_PATH),
            URI.create(root + ConsoleSignInMechanism.SIGN_IN_PAGE + "?signed-out=true"),
            userClaim,
            consoleClaims,
            admins,
            operators,
            algorithm,
            value.apply("provider-logout").map(Boolean::parseBoolean).orElse(true),
            value.apply("display-name").orElse("your identity provider"),
            timeout));
  }

  /** Whether an issuer is set, so the password sign-in is off; a half-done setup counts too. */
  static boolean configured(Function<String, Optional<String>> config) {
    return config.apply(ISSUER).map(String::strip).filter(text -> !text.isEmpty()).isPresent();
  }

  private static Optional<String> secret(
      Function<String, Optional<String>> environment, List<String> problems) {
    Optional<String> inline = environment.apply(SECRET_VARIABLE).filter(t -> !t.isBlank());
    Optional<String> file = environment.apply(SECRET_FILE_VARIABLE).filter(t -> !t.isBlank());
    if (inline.isPresent() && file.isPresent()) {
      problems.add("both " + SECRET_VARIABLE + " and " + SECRET_FILE_VARIABLE + " are set");
      return Optional.empty();
    }
    if (file.isPresent()) {
      try {
        String text = Files.readString(Path.of(file.get()), StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
          problems.add("the client secret file " + file.get() + " is empty");
          return Optional.empty();
        }
        return Optional.of(text);
      } catch (IOException | UncheckedIOException e) {
        problems.add("the client secret file " + file.get() + " cannot be read");
        return Optional.empty();
      }
    }
    if (inline.isEmpty()) {
      problems.add(
          "the client secret is missing (" + SECRET_VARIABLE + " or " + SECRET_FILE_VARIABLE + ")");
    }
    return inline.map(String::strip);
  }

  /** The claim name a key sets, or its default; null, and a problem naming the key, if unusable. */
  private static String claimName(
      Function<String, Optional<String>> value,
      String key,
      String defaultName,
      List<String> problems) {
    String name = value.apply(key).orElse(defaultName);
    try {
      new TokenClaimNames(name, TokenClaimNames.DEFAULT.groups()); // the API's rule for a name
      return name;
    } catch (IllegalArgumentException e) {
      problems.add(
          PREFIX
              + key
              + " must be a claim name (letters, digits, '_', ':', '.', '/', '-'), not '"
              + name
              + "'");
      return null;
    }
  }

  private static URI absolute(String text, String key, List<String> problems) {
    try {
      URI uri = new URI(text);
      if (uri.getHost() != null
          && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          && uri.getRawQuery() == null
          && uri.getRawFragment() == null) {
        return uri;
      }
    } catch (java.net.URISyntaxException e) {
      // said below
    }
    problems.add(key + " is not an http(s) URL without query: " + text);
    return URI.create("http://invalid");
  }

  private static Set<String> names(String list) {
    return Set.copyOf(
        Arrays.stream(list.split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList());
  }

  @Override
  public String toString() {
    return "OpenID Connect provider "
        + issuer
        + " as client "
        + clientId
        + " (callback "
        + redirectUri
        + ")";
  }
}
