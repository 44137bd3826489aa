package io.claribi.connections.control.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import io.claribi.catalog.control.OutboundRules;
import io.claribi.connections.control.authorization.ClientRegistration.ClientAuthMethod;
import io.claribi.connections.control.authorization.ClientRegistration.Source;
import io.claribi.credentials.api.Credential;
import io.claribi.credentials.api.TokenSet;
import io.claribi.credentials.api.TokenToRevoke;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole authorization code flow of the OAuth client against a real authorization server
 * (mock-oauth2-server on 127.0.0.1) and an MCP resource server that publishes RFC 9728 metadata.
 */
class AuthorizationFlowTest {

  private static final URI CALLBACK =
      URI.create("https://claribi.example.com/api/v1/connections/callback");

  private MockOAuth2Server authorizationServer;
  private VendorHttpServer vendor;
  private OAuthHttp http;
  private String issuer;

  @BeforeEach
  void start() throws Exception {
    // Rotating refresh tokens, like the demo vendor: a spent refresh token is refused.
    authorizationServer =
        new MockOAuth2Server(
            new OAuth2Config(
                false,
                null,
                null,
                true,
                new OAuth2TokenProvider(),
                Set.of(),
                new MockWebServerWrapper()));
    authorizationServer.start(InetAddress.getByName("127.0.0.1"), 0);
    issuer = authorizationServer.issuerUrl("acme").toString();
    vendor = new VendorHttpServer();
    http =
        new OAuthHttp(
            new OutboundRules(Set.of("127.0.0.1", "localhost"), InetAddress::getAllByName),
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            OAuthHttp.DEFAULT_MAX_RESPONSE_BYTES,
            30);
  }

  @AfterEach
  void stop() {
    authorizationServer.shutdown();
    vendor.close();
  }

  private void publishResourceMetadata(String resource, List<String> scopes) {
    vendor.on(
        "/mcp",
        401,
        Map.of(
            "WWW-Authenticate",
            "Bearer resource_metadata=\""
                + vendor.url("/meta/mcp")
                + "\", scope=\"payments:read\""),
        "");
    vendor.json(
        "/meta/mcp",
        "{\"resource\":\""
            + resource
            + "\",\"authorization_servers\":[\""
            + issuer
            + "\"],\"scopes_supported\":["
            + scopes.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(","))
            + "]}");
  }

  @Test
  void discovers_authorizes_exchanges_and_refreshes() throws Exception {
    URI server = vendor.url("/mcp");
    publishResourceMetadata(
        server.toString(), List.of("openid", "payments:read", "payments:write"));

    ResourceMetadata resource = new ResourceDiscovery(http).discover(server);
    assertThat(resource.authorizationServers()).containsExactly(issuer);
    assertThat(resource.challengedScope()).hasValue("payments:read");

    AuthorizationServerMetadata metadata = new AuthorizationServerDiscovery(http).discover(issuer);
    Set<String> scopes =
        ScopeSelection.select(
            Set.of("openid", "payments:read"),
            resource,
            metadata.getScopes() == null ? null : metadata.getScopes().toStringList());
    // mock-oauth2-server is an OpenID provider: its code flow needs openid, which reads no data.
    assertThat(scopes).containsExactlyInAnyOrder("openid", "payments:read");

    ClientRegistration client =
        new ClientRegistration(
            issuer, "claribi", Optional.empty(), ClientAuthMethod.NONE, Source.PRE_REGISTERED);
    AuthorizationStart start =
        AuthorizationStart.begin(metadata, client, CALLBACK, scopes, resource.resource());
    Map<String, String> asked = query(start.authorizationUrl());
    assertThat(asked)
        .containsEntry("code_challenge_method", "S256")
        .containsEntry("state", start.state())
        .containsEntry("resource", server.toString())
        .containsEntry("scope", String.join(" ", scopes))
        .containsEntry("redirect_uri", CALLBACK.toString());
    assertThat(start.state()).hasSizeGreaterThanOrEqualTo(43);

    Map<String, List<String>> answer = consent(start.authorizationUrl());
    assertThat(answer.get("state")).containsExactly(start.state());
    String code = AuthorizationCallback.code(answer, issuer, false);

    TokenEndpoint tokens = new TokenEndpoint(http, Clock.systemUTC());
    TokenSet first =
        tokens.exchange(
            metadata, client, code, CALLBACK, start.verifier(), resource.resource(), scopes);
    assertThat(first.accessToken()).isNotBlank();
    assertThat(first.refreshToken()).isPresent();
    assertThat(first.expiresAt()).isPresent();
    assertThat(first.scopes()).isSubsetOf(scopes).contains("payments:read");

    TokenSet refreshed =
        tokens
            .refresh(metadata, client, first.refreshToken().get(), resource.resource(), scopes)
            .tokens();
    assertThat(refreshed.accessToken()).isNotEqualTo(first.accessToken());
    assertThat(refreshed.refreshToken()).isPresent();
  }

  /**
   * A native connector's grant: the catalog names the authorization server, no RFC 8707 resource
   * indicator is sent, and the operator's confidential client posts its secret to the token
   * endpoint (and only there).
   */
  @Test
  void a_native_connector_grant_sends_no_resource_and_authenticates_the_configured_client()
      throws Exception {
    AuthorizationServerMetadata metadata = new AuthorizationServerDiscovery(http).discover(issuer);
    ClientRegistration client =
        new ClientRegistration(
            issuer,
            "operators-app",
            Optional.of("operators-secret"),
            ClientAuthMethod.CLIENT_SECRET_POST,
            Source.PRE_REGISTERED);
    Set<String> scopes = Set.of("openid", "read:jira-work");

    AuthorizationStart start = AuthorizationStart.begin(metadata, client, CALLBACK, scopes, null);
    assertThat(query(start.authorizationUrl()))
        .doesNotContainKey("resource")
        .doesNotContainKey("client_secret")
        .containsEntry("client_id", "operators-app");
    String code = AuthorizationCallback.code(consent(start.authorizationUrl()), issuer, false);
    TokenSet tokens =
        new TokenEndpoint(http, Clock.systemUTC())
            .exchange(metadata, client, code, CALLBACK, start.verifier(), null, scopes);
    assertThat(tokens.accessToken()).isNotBlank();

    String tokenRequest = null;
    for (int i = 0; i < 10 && tokenRequest == null; i++) {
      var recorded = authorizationServer.takeRequest(2, java.util.concurrent.TimeUnit.SECONDS);
      if (recorded != null && recorded.getPath().endsWith("/token")) {
        tokenRequest = recorded.getBody().readUtf8();
      }
    }
    assertThat(tokenRequest)
        .contains("client_id=operators-app")
        .contains("client_secret=operators-secret")
        .doesNotContain("resource=");
  }

  @Test
  void metadata_from_another_issuer_is_refused() {
    publishServerMetadata("/tenant", issuer, issuer + "/token", "S256", "");

    assertThatThrownBy(
            () -> new AuthorizationServerDiscovery(http).discover(vendor.url("/tenant").toString()))
        .isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("must match exactly")
        .extracting(e -> ((AuthorizationException) e).code())
        .isEqualTo("VENDOR_METADATA_INVALID");
  }

  @Test
  void a_server_without_s256_is_refused() {
    String self = vendor.url("/tenant").toString();
    publishServerMetadata("/tenant", self, self + "/token", "plain", "");

    assertThatThrownBy(() -> new AuthorizationServerDiscovery(http).discover(self))
        .extracting(e -> ((AuthorizationException) e).code())
        .isEqualTo("VENDOR_PKCE_UNSUPPORTED");
  }

  @Test
  void endpoints_on_private_or_metadata_addresses_or_without_https_are_refused() {
    for (String endpoint :
        List.of(
            "http://10.0.0.1/token",
            "http://169.254.169.254/latest/meta-data",
            "http://claribi-test.invalid/token",
            "https://127.0.0.2/token")) {
      String self = vendor.url("/t").toString();
      publishServerMetadata("/t", self, endpoint, "S256", "");

      assertThatThrownBy(() -> new AuthorizationServerDiscovery(http).discover(self))
          .as(endpoint)
          .extracting(e -> ((AuthorizationException) e).code())
          .isEqualTo("VENDOR_URL_REFUSED");
    }
  }

  @Test
  void resource_metadata_for_another_resource_is_refused() {
    URI server = vendor.url("/mcp");
    publishResourceMetadata("https://evil.example.com/mcp", List.of());

    assertThatThrownBy(() -> new ResourceDiscovery(http).discover(server))
        .extracting(e -> ((AuthorizationException) e).code())
        .isEqualTo("VENDOR_METADATA_INVALID");
  }

  @Test
  void a_redirect_is_not_followed() {
    vendor.on("/meta", 302, Map.of("Location", "http://169.254.169.254/"), "");

    assertThatThrownBy(() -> http.get(vendor.url("/meta"), "resource metadata"))
        .extracting(e -> ((AuthorizationException) e).code())
        .isEqualTo("VENDOR_REDIRECT_REFUSED");
    assertThat(vendor.requests).containsExactly("GET /meta");
  }

  @Test
  void a_reply_dripped_slowly_is_cut_off_at_the_request_time_out() {
    vendor.drip("/slow");
    OAuthHttp impatient =
        new OAuthHttp(
            new OutboundRules(Set.of("127.0.0.1"), InetAddress::getAllByName),
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            OAuthHttp.DEFAULT_MAX_RESPONSE_BYTES,
            7);

    // Without the cut-off the call would return the dripped body after a minute, and not throw.
    assertThatThrownBy(() -> impatient.get(vendor.url("/slow"), "resource metadata"))
        .satisfies(
            e -> {
              assertThat(((AuthorizationException) e).code()).isEqualTo("VENDOR_UNAVAILABLE");
              assertThat(((AuthorizationException) e).retryAfterSeconds()).hasValue(7);
            });
  }

  @Test
  void a_reply_over_the_limit_is_dropped() {
    vendor.json("/big", "[" + "0,".repeat(OAuthHttp.DEFAULT_MAX_RESPONSE_BYTES) + "0]");

    assertThatThrownBy(() -> http.get(vendor.url("/big"), "resource metadata"))
        .extracting(e -> ((AuthorizationException) e).code())
        .isEqualTo("VENDOR_RESPONSE_TOO_LARGE");
  }

  @Test
  void an_answer_naming_another_issuer_is_refused_before_its_code_is_used() {
    Map<String, List<String>> answer =
        Map.of(
            "code",
            List.of("c"),
            "state",
            List.of("s"),
            "iss",
            List.of("https://evil.example.com"));

    assertThatThrownBy(() -> AuthorizationCallback.code(answer, issuer, false))
        .extracting(e -> ((AuthorizationException) e).code())
        .isEqualTo("VENDOR_ISSUER_MISMATCH");
    assertThatThrownBy(() -> AuthorizationCallback.code(Map.of("code", List.of("c")), issuer, true))
        .extracting(e -> ((AuthorizationException) e).code())
        .isEqualTo("VENDOR_ISSUER_MISMATCH");
  }

  @Test
  void a_refused_consent_is_reported_with_the_vendors_words_sanitised() {
    Map<String, List<String>> answer =
        Map.of(
            "error", List.of("access_denied"), "error_description", List.of("no\u0000 thanks\n"));

    assertThatThrownBy(() -> AuthorizationCallback.code(answer, issuer, false))
        .hasMessage("The authorization server answered access_denied: no thanks")
        .extracting(e -> ((AuthorizationException) e).code())
        .isEqualTo("VENDOR_AUTHORIZATION_DENIED");
  }

  /** Finding 6: a vendor that forgot our dynamic registration, seen at the callback. */
  @Test
  void a_callback_saying_invalid_client_or_unauthorized_client_names_the_registration() {
    for (String error : List.of("invalid_client", "unauthorized_client")) {
      assertThatThrownBy(
              () -> AuthorizationCallback.code(Map.of("error", List.of(error)), issuer, false))
          .hasMessageContaining(issuer)
          .hasMessageContaining("oauth-clients")
          .extracting(e -> ((AuthorizationException) e).code())
          .isEqualTo("VENDOR_CLIENT_UNKNOWN");
    }
  }

  /** ...and seen at the token endpoint, when the authorize page let the consent through. */
  @Test
  void a_token_endpoint_answering_invalid_client_names_the_registration() {
    String self = vendor.url("/as").toString();
    publishServerMetadata("/as", self, vendor.url("/as/token").toString(), "S256", "");
    vendor.on(
        "/as/token",
        401,
        Map.of("Content-Type", "application/json"),
        "{\"error\":\"invalid_client\",\"error_description\":\"unknown client\"}");
    AuthorizationServerMetadata metadata = new AuthorizationServerDiscovery(http).discover(self);
    ClientRegistration client =
        new ClientRegistration(
            self, "forgotten", Optional.empty(), ClientAuthMethod.NONE, Source.DYNAMIC);

    assertThatThrownBy(
            () ->
                new TokenEndpoint(http, Clock.systemUTC())
                    .exchange(
                        metadata,
                        client,
                        "code",
                        CALLBACK,
                        "v".repeat(43),
                        URI.create("https://r"),
                        Set.of("payments:read")))
        .extracting(e -> ((AuthorizationException) e).code())
        .isEqualTo("VENDOR_CLIENT_UNKNOWN");
  }

  @Test
  void a_grant_with_more_scope_than_asked_is_refused() {
    String self = vendor.url("/as").toString();
    publishServerMetadata("/as", self, vendor.url("/as/token").toString(), "S256", "");
    vendor.json(
        "/as/token",
        "{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":60,"
            + "\"scope\":\"payments:read payments:write\"}");
    AuthorizationServerMetadata metadata = new AuthorizationServerDiscovery(http).discover(self);
    ClientRegistration client =
        new ClientRegistration(
            self, "c", Optional.empty(), ClientAuthMethod.NONE, Source.PRE_REGISTERED);

    assertThatThrownBy(
            () ->
                new TokenEndpoint(http, Clock.systemUTC())
                    .exchange(
                        metadata,
                        client,
                        "code",
                        CALLBACK,
                        "v".repeat(43),
                        URI.create("https://r"),
                        Set.of("payments:read")))
        .hasMessageContaining("payments:write")
        .extracting(e -> ((AuthorizationException) e).code())
        .isEqualTo("VENDOR_SCOPE_ESCALATION");
  }

  @Test
  void revokes_where_the_server_offers_it() {
    String self = vendor.url("/rv").toString();
    publishServerMetadata(
        "/rv",
        self,
        self + "/token",
        "S256",
        ",\"revocation_endpoint\":\"" + vendor.url("/rv/revoke") + "\"");
    vendor.on("/rv/revoke", 200, Map.of(), "");
    AuthorizationServerMetadata metadata = new AuthorizationServerDiscovery(http).discover(self);
    ClientRegistration client =
        new ClientRegistration(
            self, "c", Optional.empty(), ClientAuthMethod.NONE, Source.PRE_REGISTERED);

    boolean revoked =
        new TokenEndpoint(http, Clock.systemUTC())
            .revoke(metadata, client, new BearerAccessToken("t"));

    assertThat(revoked).isTrue();
    assertThat(vendor.requests).contains("POST /rv/revoke");
  }

  @Test
  void a_rotated_refresh_token_replaces_the_spent_one_which_never_works_again() throws Exception {
    Granted granted = grantAtTheMock();

    TokenEndpoint.Refreshed refreshed = granted.spendFirstRefreshToken();

    assertThat(refreshed.rotated()).isTrue();
    assertThat(refreshed.tokens().refreshToken())
        .isPresent()
        .isNotEqualTo(granted.first.refreshToken());
    assertThatThrownBy(granted::spendFirstRefreshToken)
        .extracting(e -> ((AuthorizationException) e).code())
        .isEqualTo("VENDOR_TOKEN_REJECTED");
  }

  @Test
  void a_revoked_refresh_token_refreshes_nothing() throws Exception {
    Granted granted = grantAtTheMock();
    Revoker revoker = new Revoker(new AuthorizationServerDiscovery(http), granted.tokens);

    Revoker.Outcome outcome =
        revoker.revoke(
            new PendingRevocation(
                "c-1", issuer, granted.client, TokenToRevoke.of(lent(granted.first))));

    assertThat(outcome).isEqualTo(Revoker.Outcome.REVOKED);
    assertThatThrownBy(granted::spendFirstRefreshToken)
        .extracting(e -> ((AuthorizationException) e).code())
        .isEqualTo("VENDOR_TOKEN_REJECTED");
  }

  @Test
  void a_revocation_endpoint_that_is_down_is_worth_asking_again_and_a_refusal_is_not() {
    String self = vendor.url("/down").toString();
    publishServerMetadata(
        "/down",
        self,
        self + "/token",
        "S256",
        ",\"revocation_endpoint\":\"" + vendor.url("/down/revoke") + "\"");
    vendor.on("/down/revoke", 503, Map.of(), "");
    Revoker revoker =
        new Revoker(
            new AuthorizationServerDiscovery(http), new TokenEndpoint(http, Clock.systemUTC()));
    ClientRegistration client = ClientRegistration.publicClient(self, "c", Source.PRE_REGISTERED);
    PendingRevocation pending =
        new PendingRevocation(
            "c-2", self, client, new TokenToRevoke("rt", TokenToRevoke.Kind.REFRESH_TOKEN));

    Revoker.Outcome down = revoker.revoke(pending);
    vendor.on("/down/revoke", 400, Map.of(), "{\"error\":\"unsupported_token_type\"}");
    Revoker.Outcome refused = revoker.revoke(pending);

    assertThat(down).isEqualTo(Revoker.Outcome.UNAVAILABLE);
    assertThat(down.worthRetrying()).isTrue();
    assertThat(refused).isEqualTo(Revoker.Outcome.REFUSED);
    assertThat(refused.worthRetrying()).isFalse();
    assertThat(vendor.requests).filteredOn("POST /down/revoke"::equals).hasSize(2);
  }

  private static final URI RESOURCE = URI.create("https://vendor.example.com/mcp");

  /** The pieces of a grant obtained from the mock authorization server through the code flow. */
  private record Granted(
      AuthorizationServerMetadata metadata,
      ClientRegistration client,
      TokenEndpoint tokens,
      TokenSet first) {

    /** A refresh with the grant's first refresh token. */
    TokenEndpoint.Refreshed spendFirstRefreshToken() {
      return tokens.refresh(
          metadata, client, first.refreshToken().orElseThrow(), RESOURCE, first.scopes());
    }
  }

  private Granted grantAtTheMock() throws Exception {
    AuthorizationServerMetadata metadata = new AuthorizationServerDiscovery(http).discover(issuer);
    ClientRegistration client =
        new ClientRegistration(
            issuer, "claribi", Optional.empty(), ClientAuthMethod.NONE, Source.PRE_REGISTERED);
    Set<String> scopes = Set.of("openid", "payments:read");
    AuthorizationStart start =
        AuthorizationStart.begin(metadata, client, CALLBACK, scopes, RESOURCE);
    String code = AuthorizationCallback.code(consent(start.authorizationUrl()), issuer, false);
    TokenEndpoint tokens = new TokenEndpoint(http, Clock.systemUTC());
    TokenSet first =
        tokens.exchange(metadata, client, code, CALLBACK, start.verifier(), RESOURCE, scopes);
    assertThat(first.refreshToken()).isPresent();
    return new Granted(metadata, client, tokens, first);
  }

  /** A credential as the vault lends it, over a token set this test holds. */
  private static Credential lent(TokenSet tokens) {
    return new Credential() {
      @Override
      public String accessToken() {
        return tokens.accessToken();
      }

      @Override
      public Optional<String> refreshToken() {
        return tokens.refreshToken();
      }

      @Override
      public Optional<Instant> expiresAt() {
        return tokens.expiresAt();
      }

      @Override
      public Set<String> scopes() {
        return tokens.scopes();
      }

      @Override
      public String tokenType() {
        return tokens.tokenType();
      }
    };
  }

  /** Authorization-server metadata at the RFC 8414 location for the issuer {@code <vendor>path}. */
  private void publishServerMetadata(
      String path, String issuerName, String tokenEndpoint, String pkceMethod, String extra) {
    vendor.json(
        "/.well-known/oauth-authorization-server" + path,
        "{\"issuer\":\""
            + issuerName
            + "\",\"authorization_endpoint\":\""
            + issuerName
            + "/authorize\",\"token_endpoint\":\""
            + tokenEndpoint
            + "\",\"response_types_supported\":[\"code\"],"
            + "\"code_challenge_methods_supported\":[\""
            + pkceMethod
            + "\"]"
            + extra
            + "}");
  }

  /** The admin's browser at the consent screen: the mock approves at once and redirects back. */
  private static Map<String, List<String>> consent(URI authorizationUrl) throws Exception {
    HttpResponse<Void> response =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .build()
            .send(
                HttpRequest.newBuilder(authorizationUrl).build(),
                HttpResponse.BodyHandlers.discarding());
    assertThat(response.statusCode()).isEqualTo(302);
    URI back = URI.create(response.headers().firstValue("Location").orElseThrow());
    assertThat(back.toString()).startsWith(CALLBACK.toString());
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    query(back).forEach((k, v) -> parameters.put(k, List.of(v)));
    return parameters;
  }

  private static Map<String, String> query(URI uri) {
    return Arrays.stream(uri.getRawQuery().split("&"))
        .map(pair -> pair.split("=", 2))
        .collect(
            Collectors.toMap(
                p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "",
                (a, b) -> a,
                LinkedHashMap::new));
  }
}
