package it.io.claribi;

import static it.io.claribi.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.modelcontextprotocol.modern.McpSchema.CallToolResult;
import io.modelcontextprotocol.modern.McpSchema.Implementation;
import io.modelcontextprotocol.modern.McpSchema.TextContent;
import io.modelcontextprotocol.modern.McpSchema.Tool;
import io.modelcontextprotocol.modern.client.McpClient;
import io.modelcontextprotocol.modern.client.McpSyncClient;
import io.modelcontextprotocol.modern.client.transport.HttpClientMcpTransport;
import io.modelcontextprotocol.modern.client.transport.McpHttpRequestCustomizer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Tokens of a real identity provider: Keycloak issues them, and a second Liberty server, configured
 * for it as an operator would (issuer, JWKS URL, claim names; docs/operations.md), accepts them on
 * the REST API and the MCP endpoint ({@link KeycloakTrustingServer}). The connection is set up on
 * the first server with development tokens; the Keycloak users act on it through the second.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProviderTokensIT {

  private static final String SECOND = KeycloakTrustingServer.BASE;
  private static final String MCP = KeycloakTrustingServer.MCP;
  private static final String TOOL = "retrieve_balance";

  private static Keycloak keycloak;
  private static String connectionA;

  @BeforeAll
  static void startKeycloakAndAServerThatTrustsIt() throws Exception {
    assumeTrue(
        "postgresql".equals(System.getProperty("claribi.db.kind")),
        "PostgreSQL profile only: the second server shares the first one's database");
    keycloak = KeycloakTrustingServer.started().keycloak;
    String adminA = Gateway.organizationOn(keycloak.organizationA, "ENTERPRISE");
    connectionA = Consent.connect(adminA, TOOL);
  }

  @Test
  @Order(1)
  void an_admin_signed_in_at_keycloak_reads_her_organization_and_calls_a_tool() {
    String alice = keycloak.userToken("alice");

    Api.Reply organization = get("/api/v1/organization", alice);
    assertThat(organization.status()).as(organization.toString()).isEqualTo(200);
    assertThat(organization.json().getString("id")).isEqualTo(keycloak.organizationA);

    Api.Reply call = call(alice, connectionA);
    assertThat(call.status()).as(call.toString()).isEqualTo(200);
    assertThat(call.json().getJsonObject("result").toString()).contains("available");
  }

  @Test
  @Order(2)
  void an_integrator_service_account_calls_a_tool_with_a_client_credentials_token() {
    String service = keycloak.serviceAccountToken();

    Api.Reply call = call(service, connectionA);
    assertThat(call.status()).as(call.toString()).isEqualTo(200);
  }

  @Test
  @Order(3)
  void an_ai_engine_with_a_keycloak_token_lists_and_calls_the_tools_over_mcp() {
    McpSyncClient client = mcp(keycloak.serviceAccountToken());

    List<String> names =
        client.listTools().skipCache().list().tools().stream().map(Tool::name).toList();
    assertThat(names).contains("acme-payments__" + TOOL);
    CallToolResult result = client.tool("acme-payments__" + TOOL).arguments(Map.of()).call();
    assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
    assertThat(((TextContent) result.content().get(0)).text()).contains("available");
  }

  @Test
  @Order(4)
  void an_admin_of_another_organization_sees_only_hers() {
    String bruno = keycloak.userToken("bruno");

    Api.Reply organization = get("/api/v1/organization", bruno);
    assertThat(organization.status()).as(organization.toString()).isEqualTo(200);
    assertThat(organization.json().getString("id")).isEqualTo(keycloak.organizationB);
    assertProblem(call(bruno, connectionA), 404, "NOT_FOUND");
  }

  @Test
  @Order(5)
  void a_user_without_an_organization_or_without_a_role_is_refused() {
    assertProblem(
        get("/api/v1/organization", keycloak.userToken("nora")), 401, "ORGANIZATION_REQUIRED");
    Api.Reply roleless = call(keycloak.userToken("rolf"), connectionA);
    assertThat(roleless.status()).as(roleless.toString()).isEqualTo(403);
  }

  @Test
  @Order(6)
  void tokens_of_another_realm_for_another_audience_or_expired_are_401_problems() throws Exception {
    String otherRealm = keycloak.userToken("other", "claribi-tests", "alice");
    String otherAudience = keycloak.userToken(Keycloak.REALM, "elsewhere", "alice");
    String shortLived = keycloak.userToken(Keycloak.REALM, "claribi-short-lived", "alice");
    assertThat(get("/api/v1/organization", shortLived).status()).isEqualTo(200);

    assertProblem(get("/api/v1/organization", otherRealm), 401, "AUTHENTICATION_REQUIRED");
    assertProblem(get("/api/v1/organization", otherAudience), 401, "AUTHENTICATION_REQUIRED");
    // it lives 2 s and the server allows 1 s of clock skew
    awaitPast(expiry(shortLived).plusSeconds(2));
    assertProblem(get("/api/v1/organization", shortLived), 401, "AUTHENTICATION_REQUIRED");
    assertProblem(call(shortLived, connectionA), 401, "AUTHENTICATION_REQUIRED");
  }

  @Test
  @Order(7)
  void after_keycloak_rotates_its_key_new_tokens_work_and_the_removed_keys_tokens_do_not()
      throws Exception {
    String before = keycloak.userToken("alice");
    assertThat(get("/api/v1/organization", before).status()).isEqualTo(200);

    String replaced = keycloak.rotateSigningKey();
    String after = keycloak.userToken("alice");
    assertThat(keyId(after)).as("signed with the new key").isNotEqualTo(keyId(before));

    Api.Reply withTheNewKey = get("/api/v1/organization", after);
    assertThat(withTheNewKey.status()).as(withTheNewKey.toString()).isEqualTo(200);
    assertThat(call(after, connectionA).status()).isEqualTo(200);
    assertThat(get("/api/v1/organization", before).status())
        .as("the old key is still published, so its unexpired tokens still verify")
        .isEqualTo(200);

    keycloak.remove(replaced);

    // the server reads the JWKS again within CLARIBI_TOKEN_JWKS_REFRESH (3 s here)
    Api.Reply refused = awaitRefused(before, Duration.ofSeconds(15));
    assertProblem(refused, 401, "AUTHENTICATION_REQUIRED");
    assertThat(mcpStatus(before)).as("the MCP endpoint refuses it too").isEqualTo(401);
    assertThat(get("/api/v1/organization", after).status()).isEqualTo(200);
    assertThat(get("/api/v1/organization", keycloak.userToken("alice")).status()).isEqualTo(200);
  }

  private static Api.Reply awaitRefused(String token, Duration within) throws InterruptedException {
    Instant deadline = Instant.now().plus(within);
    Api.Reply reply = get("/api/v1/organization", token);
    while (reply.status() != 401 && Instant.now().isBefore(deadline)) {
      TimeUnit.MILLISECONDS.sleep(250);
      reply = get("/api/v1/organization", token);
    }
    return reply;
  }

  /** The status of a 2026-07-28 {@code tools/list} on {@code /mcp} with this token. */
  private static int mcpStatus(String token) {
    String list =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"_meta\":{"
            + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}";
    return Api.send(
            HttpRequest.newBuilder(URI.create(MCP))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2026-07-28")
                .header("Mcp-Method", "tools/list")
                .POST(HttpRequest.BodyPublishers.ofString(list)))
        .status();
  }

  private static Api.Reply get(String path, String token) {
    return Api.send(
        HttpRequest.newBuilder(URI.create(SECOND + path))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + token)
            .GET());
  }

  private static Api.Reply call(String token, String connection) {
    JsonObject body =
        Json.createObjectBuilder()
            .add("connectionId", connection)
            .add("tool", TOOL)
            .add("arguments", Json.createObjectBuilder())
            .build();
    return Api.send(
        HttpRequest.newBuilder(URI.create(SECOND + "/api/v1/tools/call"))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  private static McpSyncClient mcp(String token) {
    HttpClientMcpTransport transport =
        HttpClientMcpTransport.builder(MCP)
            .requestCustomizer(
                McpHttpRequestCustomizer.fromSync(
                    (request, headers, context) -> headers.set("Authorization", "Bearer " + token)))
            .build();
    return McpClient.sync(transport)
        .clientInfo(Implementation.builder("provider-tokens-it", "1").build())
        .callTimeout(Duration.ofSeconds(20))
        .build();
  }

  private static JsonObject part(String token, int index) {
    String json =
        new String(
            Base64.getUrlDecoder().decode(token.split("\\.")[index]), StandardCharsets.UTF_8);
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  private static String keyId(String token) {
    return part(token, 0).getString("kid");
  }

  private static Instant expiry(String token) {
    return Instant.ofEpochSecond(part(token, 1).getJsonNumber("exp").longValue());
  }

  private static void awaitPast(Instant moment) throws InterruptedException {
    while (Instant.now().isBefore(moment)) {
      TimeUnit.MILLISECONDS.sleep(200);
    }
  }
}
