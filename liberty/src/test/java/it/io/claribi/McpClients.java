package it.io.claribi;

import io.claribi.devtokens.DevTokens;
import io.modelcontextprotocol.modern.McpSchema.Implementation;
import io.modelcontextprotocol.modern.client.McpClient;
import io.modelcontextprotocol.modern.client.McpSyncClient;
import io.modelcontextprotocol.modern.client.transport.HttpClientMcpTransport;
import io.modelcontextprotocol.modern.client.transport.McpHttpRequestCustomizer;
import java.time.Duration;
import java.util.List;

/** What the MCP ITs share: a token for {@code /mcp}, and the SDK's client for 2026-07-28. */
final class McpClients {

  private McpClients() {}

  /** A development token of {@code user@org} with these groups, for {@code /mcp}'s audience. */
  static String token(String org, String... groups) {
    DevTokens tokens = Api.tokens();
    return tokens.sign(
        tokens
            .claims("user@" + org, org, List.of(groups), Duration.ofMinutes(5))
            .audience(McpEndpointIT.RESOURCE)
            .build());
  }

  /** The MCP Java SDK's {@code modern} (2026-07-28, stateless) client with this bearer token. */
  static McpSyncClient stateless(String token) {
    return stateless(token, McpEndpointIT.RESOURCE);
  }

  /** The same client for the endpoint at {@code url} (e.g. through a load balancer). */
  static McpSyncClient stateless(String token, String url) {
    return stateless(() -> token, url);
  }

  /** The same, with a token from {@code tokens} for each request (a long run outlives one). */
  static McpSyncClient stateless(java.util.function.Supplier<String> tokens, String url) {
    HttpClientMcpTransport transport =
        HttpClientMcpTransport.builder(url)
            .requestCustomizer(
                McpHttpRequestCustomizer.fromSync(
                    (request, headers, context) ->
                        headers.set("Authorization", "Bearer " + tokens.get())))
            .build();
    return McpClient.sync(transport)
        .clientInfo(Implementation.builder("it", "1").build())
        .callTimeout(Duration.ofSeconds(20))
        .build();
  }
}
