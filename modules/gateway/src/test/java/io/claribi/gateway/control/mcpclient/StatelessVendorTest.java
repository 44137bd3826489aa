package io.claribi.gateway.control.mcpclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.claribi.gateway.control.GatewaySettings;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 2026-07-28 client against a stateless server on loopback: the lent token on every request and
 * nothing sent without one, one request per call (no listing first), and results in the 2025
 * schema's types.
 */
class StatelessVendorTest {

  private static final JsonMapper JSON = JsonMapper.shared();

  private record Request(String authorization, String version, String method, String body) {}

  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final HttpServer server = start();
  private final StatelessVendor cut =
      new StatelessVendor(
          URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mcp"),
          new Settings(),
          new JacksonMcpJsonMapper(JSON),
          "1");

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void discover_carries_the_lent_token_and_the_revisions_headers() {
    assertThat(cut.discover(new VendorSessionTest.Lent("tok-1")))
        .isEqualTo(VendorRevision.STATELESS);

    assertThat(requests)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.authorization()).isEqualTo("Bearer tok-1");
              assertThat(r.version()).isEqualTo("2026-07-28");
              assertThat(r.method()).isEqualTo("server/discover");
            });
  }

  @Test
  void nothing_is_sent_without_a_credential() {
    VendorSessionTest.Lent withdrawn = new VendorSessionTest.Lent("tok-2");
    withdrawn.withdrawn = true;

    Throwable refused = catchThrowable(() -> cut.callTool(withdrawn, "list_customers", Map.of()));

    assertThat(refused).hasStackTraceContaining("No credential for a stateless request");
    assertThat(VendorFailures.classify(refused, "acme", 1).detail()).startsWith("Nothing was sent");
    assertThat(requests).isEmpty();
  }

  @Test
  void a_call_is_one_request_and_answers_in_the_2025_type() {
    McpSchema.CallToolResult result =
        cut.callTool(new VendorSessionTest.Lent("tok-3"), "list_customers", Map.of("limit", 1));

    assertThat(((McpSchema.TextContent) result.content().get(0)).text()).isEqualTo("cus_0001");
    assertThat(result.isError()).isFalse();
    assertThat(requests)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.method()).isEqualTo("tools/call");
              assertThat(r.authorization()).isEqualTo("Bearer tok-3");
            });
  }

  @Test
  void a_listing_keeps_the_vendors_schema_and_cursor() {
    McpSchema.ListToolsResult page = cut.listTools(new VendorSessionTest.Lent("tok-4"), null);

    assertThat(page.tools())
        .singleElement()
        .satisfies(
            tool -> {
              assertThat(tool.name()).isEqualTo("list_customers");
              assertThat(tool.inputSchema())
                  .containsEntry("type", "object")
                  .containsKey("properties");
            });
    assertThat(page.nextCursor()).isEqualTo("page-2");
  }

  private HttpServer start() {
    try {
      HttpServer http =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      http.createContext("/mcp", this::answer);
      http.start();
      return http;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void answer(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    JsonNode message = JSON.readTree(body);
    String method = message.path("method").asString();
    requests.add(
        new Request(
            exchange.getRequestHeaders().getFirst("Authorization"),
            exchange.getRequestHeaders().getFirst("MCP-Protocol-Version"),
            method,
            body));
    String result =
        switch (method) {
          case "server/discover" ->
              "{\"supportedVersions\":[\"2026-07-28\"],\"capabilities\":{\"tools\":{}},"
                  + "\"resultType\":\"complete\"}";
          case "tools/list" ->
              "{\"tools\":[{\"name\":\"list_customers\",\"inputSchema\":{\"type\":\"object\","
                  + "\"properties\":{\"limit\":{\"type\":\"integer\"}}}}],"
                  + "\"nextCursor\":\"page-2\",\"ttlMs\":0,\"cacheScope\":\"private\","
                  + "\"resultType\":\"complete\"}";
          default ->
              "{\"content\":[{\"type\":\"text\",\"text\":\"cus_0001\"}],\"isError\":false,"
                  + "\"resultType\":\"complete\"}";
        };
    byte[] reply =
        ("{\"jsonrpc\":\"2.0\",\"id\":" + message.get("id") + ",\"result\":" + result + "}")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, reply.length);
    exchange.getResponseBody().write(reply);
    exchange.close();
  }

  private static final class Settings extends GatewaySettings {
    @Override
    public Duration connectTimeout() {
      return Duration.ofSeconds(5);
    }

    @Override
    public Duration callTimeout() {
      return Duration.ofSeconds(10);
    }

    @Override
    public int maxResponseBytes() {
      return 1 << 20;
    }

    @Override
    public long retryAfterSeconds() {
      return 1;
    }
  }
}
