package io.claribi.gateway.boundary.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpNotificationHandler;
import io.modelcontextprotocol.server.McpRequestHandler;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.Implementation;
import io.modelcontextprotocol.spec.McpSchema.InitializeRequest;
import io.modelcontextprotocol.spec.McpSchema.InitializeResult;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.ProtocolVersions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Makes the SDK's sessions for {@code /mcp} with this product's own handlers instead of the SDK's
 * {@code McpServer}: the tool set is per organization and per request, which the SDK's static tool
 * registry cannot express. Handlers are {@code Mono.fromCallable} without a scheduler, so they run
 * on the thread that subscribes: the servlet request's, where the transport blocks (decision 0040).
 */
final class McpSessionFactory implements McpStreamableServerSession.Factory {

  /** The revisions this endpoint serves; the first is offered to a client that asks for another. */
  static final List<String> REVISIONS =
      List.of(ProtocolVersions.MCP_2025_11_25, ProtocolVersions.MCP_2025_06_18);

  private static final McpJsonMapper JSON = McpJsonDefaults.getMapper();
  static final String SERVER_NAME = "claribi-mcp-integrations";
  static final String SERVER_TITLE = "clariBI MCP Integrations";
  static final String SERVER_VERSION = "1";
  private static final Implementation SERVER =
      new Implementation(SERVER_NAME, SERVER_TITLE, SERVER_VERSION);
  static final String INSTRUCTIONS =
      "Read-only tools over this organization's vendor data, as its operator approved them.";

  private final McpTools tools;
  private final McpResources resources;
  private final McpToolChanges changes;
  private final Duration requestTimeout;

  McpSessionFactory(
      McpTools tools, McpResources resources, McpToolChanges changes, Duration requestTimeout) {
    this.tools = tools;
    this.resources = resources;
    this.changes = changes;
    this.requestTimeout = requestTimeout;
  }

  @Override
  public McpStreamableServerSession.McpStreamableServerSessionInit startSession(
      InitializeRequest request) {
    String revision =
        REVISIONS.contains(request.protocolVersion())
            ? request.protocolVersion()
            : REVISIONS.get(0);
    McpStreamableServerSession session =
        new McpStreamableServerSession(
            UUID.randomUUID().toString(),
            request.capabilities(),
            request.clientInfo(),
            requestTimeout,
            requestHandlers(),
            notificationHandlers());
    changes.made(session);
    // listChanged: McpToolChanges tells the session when its organization's tools change;
    // resources: no subscriptions and no change notices (they are the vendors' own lists)
    InitializeResult result =
        new InitializeResult(
            revision,
            ServerCapabilities.builder().tools(true).resources(false, false).build(),
            SERVER,
            INSTRUCTIONS);
    return new McpStreamableServerSession.McpStreamableServerSessionInit(
        session, Mono.just(result));
  }

  private Map<String, McpRequestHandler<?>> requestHandlers() {
    McpRequestHandler<Object> ping = (exchange, params) -> Mono.just(Map.of());
    McpRequestHandler<Object> list =
        (exchange, params) ->
            Mono.fromCallable(
                () -> {
                  McpSchema.ListToolsResult listed = tools.list(sender(exchange));
                  changes.shown(exchange.sessionId(), McpTools.fingerprint(listed.tools()));
                  return listed;
                });
    McpRequestHandler<Object> call =
        (exchange, params) ->
            Mono.fromCallable(
                () -> {
                  CallToolRequest request =
                      JSON.convertValue(params, new TypeRef<CallToolRequest>() {});
                  return tools.call(sender(exchange), request.name(), request.arguments());
                });
    McpRequestHandler<Object> listResources =
        (exchange, params) -> Mono.fromCallable(() -> resources.list2025(sender(exchange)));
    McpRequestHandler<Object> readResource =
        (exchange, params) -> Mono.fromCallable(() -> resources.read2025(sender(exchange), params));
    return Map.of(
        McpSchema.METHOD_PING, ping,
        McpSchema.METHOD_TOOLS_LIST, list,
        McpSchema.METHOD_TOOLS_CALL, call,
        McpSchema.METHOD_RESOURCES_LIST, listResources,
        McpSchema.METHOD_RESOURCES_READ, readResource);
  }

  private static Map<String, McpNotificationHandler> notificationHandlers() {
    McpNotificationHandler nothing = (exchange, params) -> Mono.empty();
    return Map.of(
        McpSchema.METHOD_NOTIFICATION_INITIALIZED, nothing, "notifications/cancelled", nothing);
  }

  private static McpCaller sender(McpAsyncServerExchange exchange) {
    return McpCaller.in(exchange.transportContext());
  }
}
