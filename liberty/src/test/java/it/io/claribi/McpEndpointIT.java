package it.io.claribi;

import static it.io.claribi.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jwt.JWTClaimsSet;
import io.claribi.devtokens.DevTokens;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /mcp} as an AI engine uses it, with the MCP Java SDK's own client and development JWTs
 * issued for the endpoint's resource URL: the tools are the REST API's, calls go the REST API's
 * road to the demo vendor, and every refusal leaves the vendor's request log empty.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class McpEndpointIT {

  static final String RESOURCE = Api.BASE + "/mcp";
  private static final String PREFIX = Gateway.VENDOR + "__";

  @Deployment(testable = false)
  static WebArchive fixture() {
    return Gateway.fixtureWar();
  }

  @ArquillianResource URL fixture;

  // One connected organization for the whole class: connecting is the slow part.
  private static String orgA;
  private static String orgB;
  private static String restA;

  private final List<McpSyncClient> clients = new ArrayList<>();

  @BeforeEach
  void connectOnce() {
    if (orgA == null) {
      DemoVendor.reset();
      String a = Api.newOrganization("mcp-a");
      String b = Api.newOrganization("mcp-b");
      restA = Gateway.organizationOn(a, "PROFESSIONAL");
      String adminB = Gateway.organizationOn(b, "PROFESSIONAL");
      Gateway.connect(fixture, restA, Gateway.VENDOR, true);
      for (String tool : Gateway.READ_TOOLS) {
        assertThat(Gateway.decide(restA, Gateway.VENDOR, tool, "ALLOW").status()).isEqualTo(200);
      }
      assertThat(Api.get("/api/v1/tools", adminB).status()).isEqualTo(200);
      orgA = a;
      orgB = b;
    }
    DemoVendor.clearLog();
  }

  @AfterEach
  void closeClients() {
    clients.forEach(McpSyncClient::closeGracefully);
  }

  @Test
  void the_tools_are_exactly_the_rest_apis_under_the_naming_rule() {
    List<JsonObject> rest =
        Api.get("/api/v1/tools", restA).json().getJsonArray("tools").getValuesAs(JsonObject.class);

    List<Tool> tools = client(McpClients.token(orgA, "integrator")).listTools().tools();

    assertThat(tools).extracting(Tool::name).isSorted();
    assertThat(tools)
        .extracting(Tool::name)
        .containsExactlyInAnyOrderElementsOf(
            rest.stream().map(t -> PREFIX + t.getString("name")).toList());
    for (JsonObject expected : rest) {
      Tool tool =
          tools.stream()
              .filter(t -> t.name().equals(PREFIX + expected.getString("name")))
              .findFirst()
              .orElseThrow();
      assertThat(tool.title()).isEqualTo(expected.getString("title", null));
      assertThat(tool.description()).isEqualTo(expected.getString("description", null));
      assertThat(((Map<?, ?>) tool.inputSchema().get("properties")).keySet())
          .isEqualTo(expected.getJsonObject("inputSchema").getJsonObject("properties").keySet());
      assertThat(tool.annotations().readOnlyHint()).isTrue();
      assertThat(tool.annotations().destructiveHint()).isFalse();
    }
  }

  @Test
  void an_allowed_tool_answers_with_the_demo_vendors_data_on_both_revisions() {
    for (String revision : List.of("2025-11-25", "2025-06-18")) {
      McpSyncClient client = client(McpClients.token(orgA, "org-admin"), revision);
      assertThat(client.getCurrentInitializationResult().protocolVersion()).isEqualTo(revision);

      CallToolResult result =
          client.callTool(new CallToolRequest(PREFIX + "list_customers", Map.of("limit", 3)));

      assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
      assertThat(result.content().toString()).contains("cus_");
    }
    // The demo vendor accepts only its own authorization server's tokens: that it answered shows
    // it got the connection's credential, and not the AI engine's token.
    assertThat(DemoVendor.toolCallsFor("list_customers")).isEqualTo(2);
  }

  @Test
  void refused_calls_fail_cleanly_and_nothing_reaches_the_vendor() {
    McpSyncClient client = client(McpClients.token(orgA, "integrator"));

    for (String name :
        List.of(PREFIX + "create_refund", "list_customers", PREFIX + "List_customers", "x y", "")) {
      McpError unknown =
          catchThrowableOfType(
              McpError.class, () -> client.callTool(new CallToolRequest(name, Map.of())));
      assertThat(unknown).as(name).isNotNull();
      assertThat(unknown.getJsonRpcError().code()).isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS);
    }
    CallToolResult invalid =
        client.callTool(new CallToolRequest(PREFIX + "get_customer", Map.of("refund", true)));

    assertThat(invalid.isError()).isTrue();
    assertThat(problemCode(invalid)).isEqualTo("ARGUMENT_INVALID");
    assertThat(DemoVendor.toolCalls()).as("tools/call requests at the vendor").isZero();
  }

  @Test
  void another_organizations_tools_never_appear_nor_answer() {
    McpSyncClient other = client(McpClients.token(orgB, "org-admin", "integrator"));

    assertThat(other.listTools().tools()).isEmpty();
    McpError refused =
        catchThrowableOfType(
            McpError.class,
            () ->
                other.callTool(new CallToolRequest(PREFIX + "list_customers", Map.of("limit", 1))));
    assertThat(refused.getJsonRpcError().code()).isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS);

    // Nor can it use a session of organization A.
    String sessionA =
        initialize(McpClients.token(orgA, "integrator"))
            .response()
            .headers()
            .firstValue("Mcp-Session-Id")
            .orElseThrow();
    Api.Reply borrowed =
        Api.send(
            mcpPost(McpClients.token(orgB, "integrator"), toolsCall("list_customers"))
                .header("Mcp-Session-Id", sessionA));
    assertProblem(borrowed, 404, "MCP_SESSION_NOT_FOUND");
    assertThat(DemoVendor.toolCalls()).isZero();
    Api.send(
        Api.request("/mcp", McpClients.token(orgA, "integrator"))
            .header("Mcp-Session-Id", sessionA)
            .DELETE());
  }

  @Test
  void bad_tokens_are_401_with_the_metadata_challenge() throws IOException {
    Path log = LibertyServer.underTest().directory().resolve("logs/messages.log");
    long logBefore = Files.size(log);
    DevTokens tokens = Api.tokens();
    Instant past = Instant.now().minus(Duration.ofHours(2));
    List<String> refused =
        List.of(
            "not.a.jwt",
            Api.token(orgA, "integrator"), // the REST API's audience
            tokens.sign(claims(orgA).audience("https://elsewhere.example/mcp").build()),
            tokens.sign(
                claims(orgA)
                    .issueTime(Date.from(past))
                    .expirationTime(Date.from(past.plusSeconds(60)))
                    .build()),
            tokens.sign(
                tokens
                    .claims("nobody", null, List.of("integrator"), Duration.ofMinutes(5))
                    .audience(RESOURCE)
                    .build()));
    for (String token : refused) {
      Api.Reply reply = initialize(token);
      assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
      assertThat(reply.response().headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(
              v ->
                  assertThat(v)
                      .startsWith("Bearer ")
                      .contains(
                          "resource_metadata=\""
                              + Api.BASE
                              + "/.well-known/oauth-protected-resource/mcp\""));
    }
    assertProblem(initialize(null), 401, "AUTHENTICATION_REQUIRED");
    // ...and a token for /mcp alone is no REST API token.
    assertProblem(
        Api.get("/api/v1/tools", McpClients.token(orgA, "integrator")),
        401,
        "AUTHENTICATION_REQUIRED");
    // A client's first, token-less request is how MCP discovery starts: no error in the log.
    byte[] all = Files.readAllBytes(log);
    String added =
        new String(
            all,
            (int) Math.min(logBefore, all.length),
            (int) Math.max(0, all.length - logBefore),
            StandardCharsets.UTF_8);
    assertThat(added.lines().filter(line -> line.matches("^\\[[^]]+] \\S+ \\S+\\s+[WEF] .*")))
        .as("messages.log lines above INFO")
        .isEmpty();
  }

  @Test
  void a_platform_operator_alone_is_403_insufficient_scope() {
    Api.Reply reply = initialize(McpClients.token(orgA, "platform-operator"));

    assertProblem(reply, 403, "FORBIDDEN");
    assertThat(reply.response().headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).contains("error=\"insufficient_scope\""));
  }

  @Test
  void a_foreign_origin_is_refused_and_the_own_one_accepted() {
    String token = McpClients.token(orgA, "integrator");

    assertProblem(
        Api.send(mcpPost(token, initializeBody()).header("Origin", "http://evil.example")),
        403,
        "ORIGIN_NOT_ALLOWED");
    Api.Reply own = Api.send(mcpPost(token, initializeBody()).header("Origin", Api.BASE));
    assertThat(own.status()).as(own.toString()).isEqualTo(200);
    end(token, own);
  }

  @Test
  void the_protected_resource_metadata_names_the_resource_and_the_issuer() {
    for (String path :
        List.of(
            "/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-protected-resource")) {
      Api.Reply metadata = Api.get(path, null);

      assertThat(metadata.status()).as(path).isEqualTo(200);
      assertThat(metadata.json().getString("resource")).isEqualTo(RESOURCE);
      assertThat(metadata.json().getJsonArray("authorization_servers").getString(0))
          .isEqualTo(DevTokens.ISSUER);
    }
  }

  @Test
  void oversized_bodies_and_too_many_sessions_are_refused_clearly() {
    String token = McpClients.token(Api.newOrganization("mcp-limit"), "integrator");
    String huge =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"x\":\""
            + "a".repeat(1_100_000)
            + "\"}}";
    assertProblem(Api.send(mcpPost(token, huge)), 413, "REQUEST_TOO_LARGE");

    List<Api.Reply> opened = new ArrayList<>();
    int limit = Integer.parseInt(System.getProperty("claribi.mcp.sessions-per-organization"));
    for (int i = 0; i < limit; i++) {
      Api.Reply reply = initialize(token);
      assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
      opened.add(reply);
    }
    assertProblem(initialize(token), 429, "MCP_SESSIONS_EXHAUSTED");
    end(token, opened.get(0));
    Api.Reply again = initialize(token);
    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    opened.set(0, again);
    opened.forEach(reply -> end(token, reply));
  }

  private McpSyncClient client(String token) {
    return client(token, "2025-11-25");
  }

  private McpSyncClient client(String token, String revision) {
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder(Api.BASE)
            .endpoint("/mcp")
            .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
            .supportedProtocolVersions(List.of(revision))
            .openConnectionOnStartup(false)
            .build();
    McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20)).build();
    clients.add(client);
    client.initialize();
    return client;
  }

  private static JWTClaimsSet.Builder claims(String org) {
    return Api.tokens()
        .claims("user@" + org, org, List.of("integrator"), Duration.ofMinutes(5))
        .audience(RESOURCE);
  }

  private static Api.Reply initialize(String token) {
    return Api.send(mcpPost(token, initializeBody()));
  }

  private static void end(String token, Api.Reply initialized) {
    String session = initialized.response().headers().firstValue("Mcp-Session-Id").orElseThrow();
    Api.Reply ended =
        Api.send(Api.request("/mcp", token).header("Mcp-Session-Id", session).DELETE());
    assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
  }

  private static HttpRequest.Builder mcpPost(String token, String body) {
    return Api.request("/mcp", token)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private static String initializeBody() {
    return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
        + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
        + "\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}";
  }

  private static String toolsCall(String tool) {
    return "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\""
        + PREFIX
        + tool
        + "\",\"arguments\":{}}}";
  }

  @SuppressWarnings("unchecked")
  private static String problemCode(CallToolResult result) {
    Object problem = result.meta().get("io.claribi/problem");
    return String.valueOf(((Map<String, Object>) problem).get("code"));
  }
}
