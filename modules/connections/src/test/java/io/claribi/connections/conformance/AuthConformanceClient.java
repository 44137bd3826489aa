package io.claribi.connections.conformance;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import io.claribi.catalog.control.OutboundRules;
import io.claribi.connections.control.authorization.AuthorizationCallback;
import io.claribi.connections.control.authorization.AuthorizationServerDiscovery;
import io.claribi.connections.control.authorization.AuthorizationStart;
import io.claribi.connections.control.authorization.ClientRegistrar;
import io.claribi.connections.control.authorization.ClientRegistration;
import io.claribi.connections.control.authorization.ClientRegistration.ClientAuthMethod;
import io.claribi.connections.control.authorization.ClientRegistration.Source;
import io.claribi.connections.control.authorization.OAuthHttp;
import io.claribi.connections.control.authorization.ResourceDiscovery;
import io.claribi.connections.control.authorization.ResourceMetadata;
import io.claribi.connections.control.authorization.ScopeSelection;
import io.claribi.connections.control.authorization.TokenEndpoint;
import io.claribi.credentials.api.TokenSet;
import io.claribi.platform.api.BearerChallenge;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The test entry point the official MCP conformance suite drives in client mode ({@code --suite
 * auth}): it runs this product's authorization client (the classes of {@code
 * connections.control.authorization}, unchanged) against the suite's servers, then makes MCP
 * requests with the token. The suite appends the server URL as the last argument and names the
 * scenario in {@code MCP_CONFORMANCE_SCENARIO}; {@code MCP_CONFORMANCE_CONTEXT} carries
 * pre-registered credentials. The vendor has no read scopes in a catalog here, so the MCP
 * specification's scope choice applies. Exit status 0 means the flow completed.
 */
public final class AuthConformanceClient {

  /** Where this installation would publish its client ID metadata document. */
  static final URI CLIENT_METADATA =
      URI.create("https://conformance-test.local/client-metadata.json");

  static final URI CALLBACK = URI.create("http://localhost:3000/callback");

  private AuthConformanceClient() {}

  public static void main(String[] args) throws Exception {
    URI server = URI.create(args[args.length - 1]);
    try {
      run(server, Optional.ofNullable(System.getenv("MCP_CONFORMANCE_CONTEXT")));
      System.err.println("conformance client: done");
    } catch (RuntimeException e) {
      System.err.println("conformance client: " + e);
      System.exit(1);
    }
  }

  static void run(URI server, Optional<String> context) throws Exception {
    OAuthHttp http =
        new OAuthHttp(
            new OutboundRules(Set.of("localhost", "127.0.0.1"), InetAddress::getAllByName),
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            OAuthHttp.DEFAULT_MAX_RESPONSE_BYTES,
            30);
    ResourceMetadata resource = new ResourceDiscovery(http).discover(server);
    String issuer = resource.authorizationServers().get(0);
    AuthorizationServerMetadata metadata = new AuthorizationServerDiscovery(http).discover(issuer);
    Set<String> scopes =
        ScopeSelection.select(
            Set.of(),
            resource,
            metadata.getScopes() == null ? null : metadata.getScopes().toStringList());
    ClientRegistration client =
        preRegistered(context, metadata)
            .orElseGet(
                () ->
                    new ClientRegistrar(http)
                        .register(metadata, Optional.of(CLIENT_METADATA), CALLBACK));
    System.err.println("conformance client: " + client + ", scopes " + scopes);

    AuthorizationStart start =
        AuthorizationStart.begin(metadata, client, CALLBACK, scopes, resource.resource());
    Map<String, List<String>> answer = consent(start.authorizationUrl());
    if (!List.of(start.state()).equals(answer.get("state"))) {
      throw new IllegalStateException("the answer's state is not the one sent");
    }
    boolean issPromised = Boolean.TRUE.equals(metadata.supportsAuthorizationResponseIssuerParam());
    String code = AuthorizationCallback.code(answer, issuer, issPromised);
    TokenSet tokens =
        new TokenEndpoint(http, Clock.systemUTC())
            .exchange(
                metadata, client, code, CALLBACK, start.verifier(), resource.resource(), scopes);
    mcp(server, tokens.accessToken());
  }

  private static Optional<ClientRegistration> preRegistered(
      Optional<String> context, AuthorizationServerMetadata metadata) {
    if (context.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> json;
    try {
      json = JSONObjectUtils.parse(context.get());
    } catch (ParseException e) {
      throw new IllegalArgumentException("MCP_CONFORMANCE_CONTEXT is not JSON", e);
    }
    if (!(json.get("client_id") instanceof String clientId)) {
      return Optional.empty();
    }
    Optional<String> secret = Optional.ofNullable(json.get("client_secret")).map(Object::toString);
    List<ClientAuthenticationMethod> methods = metadata.getTokenEndpointAuthMethods();
    ClientAuthMethod method =
        secret.isEmpty()
            ? ClientAuthMethod.NONE
            : methods != null
                    && !methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    && methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                ? ClientAuthMethod.CLIENT_SECRET_POST
                : ClientAuthMethod.CLIENT_SECRET_BASIC;
    return Optional.of(
        new ClientRegistration(
            metadata.getIssuer().getValue(), clientId, secret, method, Source.PRE_REGISTERED));
  }

  /** The admin's browser: the suite's authorization endpoint approves at once with a redirect. */
  private static Map<String, List<String>> consent(URI authorizationUrl) throws Exception {
    HttpResponse<Void> response =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .build()
            .send(
                HttpRequest.newBuilder(authorizationUrl).build(),
                HttpResponse.BodyHandlers.discarding());
    URI back =
        URI.create(
            response
                .headers()
                .firstValue("Location")
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "the authorization endpoint answered " + response.statusCode())));
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    if (back.getRawQuery() != null) {
      for (String pair : back.getRawQuery().split("&")) {
        String[] kv = pair.split("=", 2);
        parameters
            .computeIfAbsent(
                URLDecoder.decode(kv[0], StandardCharsets.UTF_8), k -> new ArrayList<>())
            .add(kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
      }
    }
    return parameters;
  }

  /**
   * MCP with the token: initialize, then list tools. A 403 asking for more scope is a hard failure,
   * as in the product: a connection never steps up.
   */
  private static void mcp(URI server, String accessToken) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    String sessionId = null;
    for (String body :
        List.of(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"clariBI\","
                + "\"version\":\"1\"}}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}")) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(server)
              .header("Authorization", "Bearer " + accessToken)
              .header("Content-Type", "application/json")
              .header("Accept", "application/json, text/event-stream")
              .header("MCP-Protocol-Version", "2025-11-25")
              .POST(HttpRequest.BodyPublishers.ofString(body));
      if (sessionId != null) {
        request.header("Mcp-Session-Id", sessionId);
      }
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 401 || response.statusCode() == 403) {
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
        throw new IllegalStateException(
            "the MCP server refused the token ("
                + response.statusCode()
                + ", "
                + BearerChallenge.parse(challenge)
                    .flatMap(BearerChallenge::error)
                    .orElse("no error")
                + "): no step-up, by design");
      }
      if (response.statusCode() >= 300) {
        throw new IllegalStateException("the MCP server answered " + response.statusCode());
      }
      sessionId = response.headers().firstValue("Mcp-Session-Id").orElse(sessionId);
    }
  }
}
