package io.claribi.gateway.control.mcpclient;

import io.claribi.credentials.api.Credential;
import io.claribi.gateway.control.GatewaySettings;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.modern.JsonRpc;
import io.modelcontextprotocol.modern.McpSchema.Implementation;
import io.modelcontextprotocol.modern.client.McpClient;
import io.modelcontextprotocol.modern.client.McpSyncClient;
import io.modelcontextprotocol.modern.client.transport.HttpClientMcpTransport;
import io.modelcontextprotocol.modern.client.transport.McpClientTransport;
import io.modelcontextprotocol.modern.client.transport.McpHttpRequestCustomizer;
import io.modelcontextprotocol.modern.client.transport.McpTransportRequest;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import reactor.core.publisher.Flux;

/**
 * One connection's client for a vendor that speaks 2026-07-28, the SDK's {@code modern} client: no
 * handshake, no session, nothing sent on its own (no {@code subscriptions/listen}), so every
 * request is one of a call's and carries exactly the credential lent to that call, like the 2025
 * session's. Results come back in the 2025 schema's types, so what the gateway records,
 * fingerprints and returns does not depend on the vendor's revision.
 */
final class StatelessVendor {

  private static final ThreadLocal<Credential> LENT = new ThreadLocal<>();
  private static final String AUTHORIZATION = "Authorization";

  private final URI server;
  private final McpJsonMapper json;
  private final McpSyncClient client;

  StatelessVendor(URI server, GatewaySettings settings, McpJsonMapper json, String version) {
    this.server = server;
    this.json = json;
    HttpClientMcpTransport transport =
        HttpClientMcpTransport.builder(server)
            .jsonMapper(json)
            .connectTimeout(settings.connectTimeout())
            .maxResponseSize(settings.maxResponseBytes())
            .requestCustomizer(McpHttpRequestCustomizer.fromSync(StatelessVendor::authorize))
            .build();
    // Without mirroring: a call is one request (no listing first to learn header parameters), and
    // a listing reaches discovery whole (the SDK would drop tools whose header hints it rejects).
    McpClientTransport unmirrored =
        new McpClientTransport() {
          @Override
          public Flux<JsonRpc.JSONRPCMessage> exchange(McpTransportRequest request) {
            return transport.exchange(request);
          }

          @Override
          public boolean mirrorsToolParams() {
            return false;
          }
        };
    this.client =
        McpClient.sync(unmirrored)
            .clientInfo(Implementation.builder("claribi", version).build())
            .jsonMapper(json)
            .callTimeout(settings.callTimeout())
            .roundTimeout(settings.callTimeout())
            .transportContextProvider(StatelessVendor::lentContext)
            .build();
  }

  URI server() {
    return server;
  }

  /** Asks the server which revision it speaks ({@code server/discover}). */
  VendorRevision discover(Credential credential) {
    return lent(credential, c -> VendorRevisions.answered(c.discover()));
  }

  McpSchema.ListToolsResult listTools(Credential credential, String cursor) {
    return lent(
        credential, c -> as(c.tools().cursor(cursor).list(), McpSchema.ListToolsResult.class));
  }

  McpSchema.CallToolResult callTool(
      Credential credential, String tool, Map<String, Object> arguments) {
    return lent(
        credential,
        c -> as(c.tool(tool).arguments(arguments).call(), McpSchema.CallToolResult.class));
  }

  McpSchema.ListResourcesResult listResources(Credential credential, String cursor) {
    return lent(
        credential,
        c -> as(c.resources().cursor(cursor).list(), McpSchema.ListResourcesResult.class));
  }

  McpSchema.ReadResourceResult readResource(Credential credential, String uri) {
    return lent(credential, c -> as(c.resource(uri).read(), McpSchema.ReadResourceResult.class));
  }

  private <T> T lent(Credential credential, Function<McpSyncClient, T> exchange) {
    LENT.set(credential);
    try {
      return exchange.apply(client);
    } finally {
      LENT.remove();
    }
  }

  /** The 2026 result in the 2025 schema's type (fields of the new revision are dropped). */
  private <T> T as(Object modern, Class<T> type) {
    return json.convertValue(modern, type);
  }

  private static McpTransportContext lentContext() {
    Credential credential = LENT.get();
    return credential == null
        ? McpTransportContext.EMPTY
        : VendorTransport.transportContext(credential);
  }

  /** Every request carries the lent credential's token, or is not sent at all. */
  private static void authorize(
      io.modelcontextprotocol.modern.client.transport.McpHttpRequest request,
      io.modelcontextprotocol.modern.client.transport.McpHttpRequestHeaders headers,
      McpTransportContext context) {
    Optional<String> token = VendorTransport.lentToken(context);
    headers.set(
        AUTHORIZATION,
        "Bearer "
            + token.orElseThrow(() -> new VendorTransport.NoCredentialLent("a stateless request")));
  }
}
