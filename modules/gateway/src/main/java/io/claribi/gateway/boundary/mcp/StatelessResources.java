package io.claribi.gateway.boundary.mcp;

import io.claribi.platform.api.ProblemException;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.modern.McpException;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.McpSchema.CacheScope;
import io.modelcontextprotocol.modern.McpSchema.ErrorCodes;
import io.modelcontextprotocol.modern.McpSchema.ListResourcesResult;
import io.modelcontextprotocol.modern.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.modern.McpSchema.Resource;
import io.modelcontextprotocol.modern.McpSchema.Result;
import io.modelcontextprotocol.modern.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.modern.server.McpAsyncResponse;
import io.modelcontextprotocol.modern.server.McpFeature;
import io.modelcontextprotocol.modern.server.McpRequestContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * {@code resources/list} and {@code resources/read} of the stateless revision (2026-07-28): the
 * same {@link McpResources} as the 2025 sessions, so the same URIs, reads and refusals. Not
 * cacheable ({@code ttlMs: 0}, private): the vendors' lists are read anew each time. An unknown
 * resource is {@code -32602} (this revision's "resource not found"). Runs on the servlet thread in
 * the request's CDI scope, as {@link StatelessTools} does (decision 0047).
 */
final class StatelessResources implements McpFeature {

  private static final McpJsonMapper JSON = McpJsonDefaults.getMapper();

  private final McpResources resources;

  StatelessResources(McpResources resources) {
    this.resources = resources;
  }

  @Override
  public Set<String> methods() {
    return Set.of(McpSchema.METHOD_RESOURCES_LIST, McpSchema.METHOD_RESOURCES_READ);
  }

  @Override
  public void capabilities(ServerCapabilities.Builder builder) {
    builder.resources(false, false); // no subscriptions, no change notices
  }

  @Override
  public Mono<McpAsyncResponse<Result>> handle(McpRequestContext ctx, Object params) {
    McpCaller sender = McpCaller.in(ctx.transportContext());
    return Mono.fromCallable(
        () ->
            McpAsyncResponse.<Result>result(
                McpSchema.METHOD_RESOURCES_LIST.equals(ctx.method())
                    ? list(sender)
                    : read(sender, params)));
  }

  private ListResourcesResult list(McpCaller sender) {
    McpResources.Listed listed = servable(() -> resources.list(sender));
    List<Resource> converted =
        listed.resources().stream().map(r -> JSON.convertValue(r, Resource.class)).toList();
    ListResourcesResult.Builder result =
        ListResourcesResult.builder(converted).ttlMs(0L).cacheScope(CacheScope.PRIVATE);
    if (!listed.unavailable().isEmpty()) {
      result.meta(Map.of(McpResources.UNAVAILABLE_META, listed.unavailable()));
    }
    return result.build();
  }

  private ReadResourceResult read(McpCaller sender, Object params) {
    Object uri = params instanceof Map<?, ?> map ? map.get("uri") : null;
    if (!(uri instanceof String named)) {
      throw McpException.invalidParams("resources/read needs params.uri");
    }
    Map<String, Object> result = new LinkedHashMap<>(servable(() -> resources.read(sender, named)));
    result.put("ttlMs", 0L);
    result.put("cacheScope", "private");
    result.remove("resultType");
    try {
      return JSON.convertValue(result, ReadResourceResult.class);
    } catch (RuntimeException unreadable) {
      throw new McpException(ErrorCodes.INTERNAL_ERROR, "The vendor's answer could not be read.");
    }
  }

  private static <T> T servable(java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (McpResources.ResourceNotFound unknown) {
      throw new McpException(
          ErrorCodes.INVALID_PARAMS, unknown.getMessage(), Map.of("code", McpResources.NOT_FOUND));
    } catch (ProblemException problem) {
      throw new McpException(
          McpResources.errorCode(problem),
          problem.title() + ": " + problem.detail(),
          McpTools.problemData(problem));
    } catch (McpTools.CallerNotBound unbound) {
      throw new McpException(ErrorCodes.INTERNAL_ERROR, unbound.getMessage());
    }
  }
}
