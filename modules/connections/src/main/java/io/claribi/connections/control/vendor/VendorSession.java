package io.claribi.connections.control.vendor;

import io.claribi.connections.control.GatewaySettings;
import io.claribi.credentials.api.Credential;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;

/**
 * One MCP session with one vendor for one connection, reused across calls. It never holds a token:
 * each request takes the access token from the credential lent for the current call, which travels
 * in the SDK's transport context and is gone when the call returns.
 */
final class VendorSession implements AutoCloseable {

  private static final String CREDENTIAL = "claribi.lent-credential";
  private static final ThreadLocal<Credential> LENT = new ThreadLocal<>();

  private final URI server;
  private final McpSyncClient client;

  VendorSession(URI server, GatewaySettings settings, McpJsonMapper json, String version) {
    this.server = server;
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder(origin(server))
            .endpoint(pathAndQuery(server))
            .jsonMapper(json)
            .connectTimeout(settings.connectTimeout())
            .maxResponseSize(settings.maxResponseBytes())
            .openConnectionOnStartup(false)
            .httpRequestCustomizer(VendorSession::authorize)
            .build();
    this.client =
        McpClient.sync(transport)
            .clientInfo(new McpSchema.Implementation("claribi", version))
            // No roots, sampling or elicitation: nothing of the vendor's requests is served.
            .capabilities(McpSchema.ClientCapabilities.builder().build())
            .requestTimeout(settings.callTimeout())
            .initializationTimeout(settings.callTimeout())
            .transportContextProvider(VendorSession::lentContext)
            .build();
  }

  URI server() {
    return server;
  }

  /** Runs one exchange with the credential lent for exactly its length. */
  <T> T exchange(Credential credential, java.util.function.Function<McpSyncClient, T> exchange) {
    LENT.set(credential);
    try {
      return exchange.apply(client);
    } finally {
      LENT.remove();
    }
  }

  @Override
  public void close() {
    client.close();
  }

  private static McpTransportContext lentContext() {
    Credential credential = LENT.get();
    return credential == null
        ? McpTransportContext.EMPTY
        : McpTransportContext.create(Map.of(CREDENTIAL, credential));
  }

  private static void authorize(
      HttpRequest.Builder request,
      String method,
      URI endpoint,
      String body,
      McpTransportContext context) {
    if (context != null && context.get(CREDENTIAL) instanceof Credential credential) {
      try {
        request.setHeader("Authorization", "Bearer " + credential.accessToken());
      } catch (IllegalStateException withdrawn) {
        // The call that lent it has returned: a late request goes without a token.
      }
    }
  }

  private static String origin(URI server) {
    return server.getScheme() + "://" + server.getRawAuthority();
  }

  private static String pathAndQuery(URI server) {
    String path =
        server.getRawPath() == null || server.getRawPath().isEmpty() ? "/" : server.getRawPath();
    return server.getRawQuery() == null ? path : path + "?" + server.getRawQuery();
  }
}
