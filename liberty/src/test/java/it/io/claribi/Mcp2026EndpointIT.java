package it.io.claribi;

import static it.io.claribi.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.devtokens.DevTokens;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.modern.McpSchema.CacheScope;
import io.modelcontextprotocol.modern.McpSchema.CallToolResult;
import io.modelcontextprotocol.modern.McpSchema.DiscoverResult;
import io.modelcontextprotocol.modern.McpSchema.ListToolsResult;
import io.modelcontextprotocol.modern.McpSchema.TextContent;
import io.modelcontextprotocol.modern.McpSchema.Tool;
import io.modelcontextprotocol.modern.client.McpSyncClient;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /mcp} in the stateless revision 2026-07-28, with the MCP Java SDK's {@code modern} client
 * as the AI engine's: the same tools under the same names as the 2025 sessions, calls on the REST
 * API's road, the same refusals and authorization, and the revision's required headers checked.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class Mcp2026EndpointIT {

  private static final String RESOURCE = McpEndpointIT.RESOURCE;
  private static final String REVISION = "2026-07-28";
  private static final String PREFIX = Gateway.VENDOR + "__";
  private static final int HEADER_MISMATCH = -32020;
  private static final int INVALID_PARAMS = -32602;

  @Deployment(testable = false)
  static WebArchive fixture() {
    return Gateway.fixtureWar();
  }

  @ArquillianResource URL fixture;

  // One connected organization for the whole class: connecting is the slow part.
  private static String orgA;
  private static String orgB;
  private static String restA;

  @BeforeEach
  void connectOnce() {
    if (orgA == null) {
      DemoVendor.reset();
      String a = Api.newOrganization("mcp26-a");
      String b = Api.newOrganization("mcp26-b");
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

  @Test
  void discover_names_the_revision_and_the_tools_capability() {
    DiscoverResult discovered =
        McpClients.stateless(McpClients.token(orgA, "integrator")).discover();

    assertThat(discovered.supportedVersions()).containsExactly(REVISION);
    assertThat(discovered.capabilities().tools()).isNotNull();
    assertThat(discovered.capabilities().prompts()).isNull();
    assertThat(discovered.resultType()).isEqualTo("complete");
  }

  @Test
  void the_tools_are_the_2025_sessions_tools_under_the_same_names() {
    String token = McpClients.token(orgA, "integrator");
    ListToolsResult listed = McpClients.stateless(token).listTools().skipCache().list();

    List<String> sessionNames = sessionsClientToolNames(token);
    assertThat(listed.tools()).extracting(Tool::name).isSorted();
    assertThat(listed.tools()).extracting(Tool::name).containsExactlyElementsOf(sessionNames);
    List<JsonObject> rest =
        Api.get("/api/v1/tools", restA).json().getJsonArray("tools").getValuesAs(JsonObject.class);
    assertThat(sessionNames)
        .containsExactlyInAnyOrderElementsOf(
            rest.stream().map(t -> PREFIX + t.getString("name")).toList());
    assertThat(listed.ttlMs()).isZero();
    assertThat(listed.cacheScope()).isEqualTo(CacheScope.PRIVATE);
    for (Tool tool : listed.tools()) {
      assertThat(tool.annotations().readOnlyHint()).as(tool.name()).isTrue();
      assertThat(tool.annotations().destructiveHint()).as(tool.name()).isFalse();
      assertThat(tool.inputSchema()).as(tool.name()).containsKey("properties");
    }
  }

  @Test
  void an_allowed_tool_answers_with_the_demo_vendors_data() {
    CallToolResult result =
        McpClients.stateless(McpClients.token(orgA, "org-admin"))
            .tool(PREFIX + "list_customers")
            .arguments(Map.of("limit", 3))
            .call();

    assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
    assertThat(result.resultType()).isEqualTo("complete");
    assertThat(((TextContent) result.content().get(0)).text()).contains("cus_");
    // The demo vendor accepts only its own authorization server's tokens: the connection's
    // credential reached it, not the AI engine's token.
    assertThat(DemoVendor.toolCallsFor("list_customers")).isEqualTo(1);
  }

  @Test
  void unknown_and_refused_tools_fail_like_on_2025_and_nothing_reaches_the_vendor() {
    String token = McpClients.token(orgA, "integrator");

    for (String name : List.of(PREFIX + "create_refund", "list_customers", "x y")) {
      Api.Reply unknown = Api.send(post(token, toolsCall(name, "{}")));
      assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
      JsonObject error = unknown.json().getJsonObject("error");
      assertThat(error.getInt("code")).isEqualTo(INVALID_PARAMS);
      assertThat(error.getJsonObject("data").getString("code")).isEqualTo("TOOL_NOT_FOUND");
    }
    Api.Reply invalid =
        Api.send(post(token, toolsCall(PREFIX + "get_customer", "{\"refund\":true}")));
    assertThat(invalid.status()).as(invalid.toString()).isEqualTo(200);
    JsonObject result = invalid.json().getJsonObject("result");
    assertThat(result.getBoolean("isError")).isTrue();
    assertThat(result.getString("resultType")).isEqualTo("complete");
    assertThat(result.getJsonObject("_meta").getJsonObject("io.claribi/problem").getString("code"))
        .isEqualTo("ARGUMENT_INVALID");
    // Another organization's engine sees none of A's tools, and cannot call them.
    McpSyncClient other = McpClients.stateless(McpClients.token(orgB, "org-admin", "integrator"));
    assertThat(other.listTools().skipCache().list().tools()).isEmpty();
    Api.Reply foreign =
        Api.send(
            post(McpClients.token(orgB, "integrator"), toolsCall(PREFIX + "list_customers", "{}")));
    assertThat(foreign.json().getJsonObject("error").getInt("code")).isEqualTo(INVALID_PARAMS);
    assertThat(DemoVendor.toolCalls()).as("tools/call requests at the vendor").isZero();
  }

  @Test
  void missing_or_mismatched_headers_are_refused_before_anything_is_called() {
    String token = McpClients.token(orgA, "integrator");
    String call = toolsCall(PREFIX + "list_customers", "{\"limit\":1}");

    assertHeaderMismatch(
        Api.send(bare(token, call).header("MCP-Protocol-Version", REVISION)),
        "Missing required header: Mcp-Method");
    assertHeaderMismatch(
        Api.send(
            bare(token, call)
                .header("MCP-Protocol-Version", REVISION)
                .header("Mcp-Method", "tools/list")
                .header("Mcp-Name", PREFIX + "list_customers")),
        "Mcp-Method header does not match");
    assertHeaderMismatch(
        Api.send(
            bare(token, call)
                .header("Mcp-Method", "tools/call")
                .header("Mcp-Name", PREFIX + "list_customers")),
        "Missing required header: MCP-Protocol-Version");
    assertHeaderMismatch(
        Api.send(
            bare(token, call)
                .header("MCP-Protocol-Version", REVISION)
                .header("Mcp-Method", "tools/call")),
        "Missing required header: Mcp-Name");
    assertHeaderMismatch(
        Api.send(
            bare(token, call)
                .header("MCP-Protocol-Version", REVISION)
                .header("Mcp-Method", "tools/call")
                .header("Mcp-Name", PREFIX + "get_balance")),
        "Mcp-Name header does not match");
    // A revision the endpoint does not serve, a session in a stateless revision, and the 2025
    // verbs are refused by the endpoint itself, as problem details.
    assertProblem(
        Api.send(post(token, call).setHeader("MCP-Protocol-Version", "2027-01-01")),
        400,
        "PROTOCOL_VERSION_UNSUPPORTED");
    // ...but a stateless message that names the same unserved revision in _meta gets the
    // revision's own UnsupportedProtocolVersionError, as the conformance suite checks.
    Api.Reply unserved =
        Api.send(
            bare(
                    token,
                    "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"server/discover\",\"params\":"
                        + "{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2027-01-01\","
                        + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}")
                .header("MCP-Protocol-Version", "2027-01-01")
                .header("Mcp-Method", "server/discover"));
    assertThat(unserved.status()).as(unserved.toString()).isEqualTo(400);
    JsonObject unsupported = unserved.json().getJsonObject("error");
    assertThat(unsupported.getInt("code")).isEqualTo(-32022);
    assertThat(unsupported.getJsonObject("data").getJsonArray("supported").getString(0))
        .isEqualTo(REVISION);
    assertThat(unsupported.getJsonObject("data").getString("requested")).isEqualTo("2027-01-01");
    assertProblem(
        Api.send(post(token, call).header("Mcp-Session-Id", "abc")),
        400,
        "MCP_SESSION_NOT_IN_REVISION");
    assertProblem(
        Api.send(Api.request("/mcp", token).header("MCP-Protocol-Version", REVISION).GET()),
        405,
        "METHOD_NOT_ALLOWED");
    assertThat(DemoVendor.toolCalls()).as("tools/call requests at the vendor").isZero();
  }

  @Test
  void a_name_header_in_base64_is_read_as_the_name() {
    String name = PREFIX + "list_customers";
    String encoded =
        "=?base64?"
            + Base64.getEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8))
            + "?=";
    Api.Reply reply =
        Api.send(
            bare(McpClients.token(orgA, "integrator"), toolsCall(name, "{\"limit\":1}"))
                .header("MCP-Protocol-Version", REVISION)
                .header("Mcp-Method", "tools/call")
                .header("Mcp-Name", encoded));

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(DemoVendor.toolCallsFor("list_customers")).isEqualTo(1);
  }

  @Test
  void authorization_is_the_2025_paths() {
    DevTokens tokens = Api.tokens();
    String call = toolsCall(PREFIX + "list_customers", "{}");
    List<String> refused =
        List.of(
            Api.token(orgA, "integrator"), // the REST API's audience
            tokens.sign(
                tokens
                    .claims("user@" + orgA, orgA, List.of("integrator"), Duration.ofMinutes(5))
                    .audience("https://elsewhere.example/mcp")
                    .build()));
    for (String token : refused) {
      Api.Reply reply = Api.send(post(token, call));
      assertProblem(reply, 401, "AUTHENTICATION_REQUIRED");
      assertThat(reply.response().headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(
              v ->
                  assertThat(v)
                      .contains(
                          "resource_metadata=\""
                              + Api.BASE
                              + "/.well-known/oauth-protected-resource/mcp\""));
    }
    Api.Reply operator = Api.send(post(McpClients.token(orgA, "platform-operator"), call));
    assertProblem(operator, 403, "FORBIDDEN");
    assertThat(operator.response().headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).contains("error=\"insufficient_scope\""));
    assertProblem(
        Api.send(
            post(McpClients.token(orgA, "integrator"), call)
                .header("Origin", "http://evil.example")),
        403,
        "ORIGIN_NOT_ALLOWED");
    assertThat(DemoVendor.toolCalls()).isZero();
  }

  private static void assertHeaderMismatch(Api.Reply reply, String message) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    JsonObject error = reply.json().getJsonObject("error");
    assertThat(error.getInt("code")).isEqualTo(HEADER_MISMATCH);
    assertThat(error.getString("message")).startsWith(message);
  }

  /** The 2025-11-25 client's tool names, for comparing. */
  private static List<String> sessionsClientToolNames(String token) {
    io.modelcontextprotocol.client.McpSyncClient sessions =
        io.modelcontextprotocol.client.McpClient.sync(
                HttpClientStreamableHttpTransport.builder(Api.BASE)
                    .endpoint("/mcp")
                    .requestBuilder(
                        HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
                    .openConnectionOnStartup(false)
                    .build())
            .requestTimeout(Duration.ofSeconds(20))
            .build();
    try {
      sessions.initialize();
      return sessions.listTools().tools().stream()
          .map(io.modelcontextprotocol.spec.McpSchema.Tool::name)
          .toList();
    } finally {
      sessions.closeGracefully();
    }
  }

  /** A well-formed stateless tools/call, headers and all. */
  private static HttpRequest.Builder post(String token, String toolsCall) {
    String name = toolsCall.replaceAll("(?s).*\"name\":\"([^\"]*)\".*", "$1");
    return bare(token, toolsCall)
        .header("MCP-Protocol-Version", REVISION)
        .header("Mcp-Method", "tools/call")
        .header("Mcp-Name", name);
  }

  private static HttpRequest.Builder bare(String token, String body) {
    return Api.request("/mcp", token)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private static String toolsCall(String name, String arguments) {
    return "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\""
        + name
        + "\",\"arguments\":"
        + arguments
        + ",\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\""
        + REVISION
        + "\",\"io.modelcontextprotocol/clientCapabilities\":{}}}}";
  }
}
