package io.claribi.demovendor.tools;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.modern.McpException;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.McpSchema.CacheScope;
import io.modelcontextprotocol.modern.McpSchema.ErrorCodes;
import io.modelcontextprotocol.modern.McpSchema.Result;
import io.modelcontextprotocol.modern.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.modern.server.McpAsyncResponse;
import io.modelcontextprotocol.modern.server.McpFeature;
import io.modelcontextprotocol.modern.server.McpRequestContext;
import io.modelcontextprotocol.spec.McpError;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Acme's tools and reports in the stateless revision 2026-07-28: the very tools, ledger and scope
 * checks of the 2025 server, converted to the revision's types, so a client sees the same vendor
 * whichever revision it speaks (schema validation of arguments is the 2025 SDK server's only; here
 * the tools' own checks answer a bad argument). Changes made by tests (a description, a rug pull, a
 * reset) show here at once because every request reads the current tools.
 */
final class StatelessAcme implements McpFeature {

  private static final McpJsonMapper JSON = McpJsonDefaults.getMapper();

  /** The 2025 server's answers, in its types: this feature only converts them. */
  interface Acme {
    List<io.modelcontextprotocol.spec.McpSchema.Tool> tools();

    io.modelcontextprotocol.spec.McpSchema.CallToolResult call(
        String name, Set<String> scopes, Map<String, Object> arguments);

    List<io.modelcontextprotocol.spec.McpSchema.Resource> resources();

    io.modelcontextprotocol.spec.McpSchema.ReadResourceResult read(String uri, Set<String> scopes);
  }

  private final Acme acme;
  private final Function<McpTransportContext, Set<String>> scopes;

  StatelessAcme(Acme acme, Function<McpTransportContext, Set<String>> scopes) {
    this.acme = acme;
    this.scopes = scopes;
  }

  @Override
  public Set<String> methods() {
    return Set.of(
        McpSchema.METHOD_TOOLS_LIST,
        McpSchema.METHOD_TOOLS_CALL,
        McpSchema.METHOD_RESOURCES_LIST,
        McpSchema.METHOD_RESOURCES_READ);
  }

  @Override
  public void capabilities(ServerCapabilities.Builder builder) {
    builder.tools(false).resources(false, false);
  }

  @Override
  public Mono<McpAsyncResponse<Result>> handle(McpRequestContext ctx, Object params) {
    Set<String> granted = scopes.apply(ctx.transportContext());
    return Mono.fromCallable(
        () -> {
          try {
            return McpAsyncResponse.<Result>result(answer(ctx, params, granted));
          } catch (McpError refused) {
            // The 2025 server's JSON-RPC error, as this revision's.
            throw new McpException(
                refused.getJsonRpcError().code(), refused.getJsonRpcError().message());
          }
        });
  }

  private Result answer(McpRequestContext ctx, Object params, Set<String> granted) {
    Map<String, Object> p = params(params);
    return switch (ctx.method()) {
      case McpSchema.METHOD_TOOLS_LIST ->
          McpSchema.ListToolsResult.builder(
                  acme.tools().stream()
                      .map(t -> JSON.convertValue(t, McpSchema.Tool.class))
                      .toList())
              .ttlMs(0)
              .cacheScope(CacheScope.PRIVATE)
              .build();
      case McpSchema.METHOD_TOOLS_CALL ->
          JSON.convertValue(
              acme.call(required(p, "name"), granted, arguments(p)),
              McpSchema.CallToolResult.class);
      case McpSchema.METHOD_RESOURCES_LIST ->
          McpSchema.ListResourcesResult.builder(
                  acme.resources().stream()
                      .map(r -> JSON.convertValue(r, McpSchema.Resource.class))
                      .toList())
              .ttlMs(0)
              .cacheScope(CacheScope.PRIVATE)
              .build();
      default ->
          JSON.convertValue(
              acme.read(required(p, "uri"), granted), McpSchema.ReadResourceResult.class);
    };
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> params(Object params) {
    return params instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> arguments(Map<String, Object> params) {
    Object arguments = params.get("arguments");
    if (arguments != null && !(arguments instanceof Map<?, ?>)) {
      throw McpException.invalidParams("arguments must be an object");
    }
    return arguments == null ? Map.of() : (Map<String, Object>) arguments;
  }

  private static String required(Map<String, Object> params, String name) {
    if (params.get(name) instanceof String value && !value.isBlank()) {
      return value;
    }
    throw new McpException(ErrorCodes.INVALID_PARAMS, "params." + name + " is required");
  }
}
