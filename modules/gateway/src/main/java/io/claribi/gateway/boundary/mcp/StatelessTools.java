package io.claribi.gateway.boundary.mcp;

import io.claribi.gateway.boundary.mcp.McpToolNames.NamedTool;
import io.claribi.platform.api.ProblemException;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.modern.McpException;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.McpSchema.CacheScope;
import io.modelcontextprotocol.modern.McpSchema.CallToolRequest;
import io.modelcontextprotocol.modern.McpSchema.CallToolResult;
import io.modelcontextprotocol.modern.McpSchema.ErrorCodes;
import io.modelcontextprotocol.modern.McpSchema.ListToolsResult;
import io.modelcontextprotocol.modern.McpSchema.Result;
import io.modelcontextprotocol.modern.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.modern.McpSchema.TextContent;
import io.modelcontextprotocol.modern.McpSchema.Tool;
import io.modelcontextprotocol.modern.McpSchema.ToolAnnotations;
import io.modelcontextprotocol.modern.server.McpAsyncResponse;
import io.modelcontextprotocol.modern.server.McpFeature;
import io.modelcontextprotocol.modern.server.McpRequestContext;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * {@code tools/list} and {@code tools/call} of the stateless revision (2026-07-28): the same {@link
 * McpTools} as the 2025 sessions, so the same tools, names, calls and refusals. It is a feature of
 * its own rather than the SDK's {@code ToolsFeature}, which would check arguments against the
 * schema itself and answer a refusal without the gateway's code, audit or usage record (decision
 * 0041). Work runs in {@code Mono.fromCallable} without a scheduler: on the servlet thread the
 * transport blocks, inside the request's CDI scope (decision 0040).
 */
final class StatelessTools implements McpFeature {

  /** Tool sets differ per organization and change with every operator decision: no caching. */
  static final long LIST_TTL_MS = 0L;

  private static final McpJsonMapper JSON = McpJsonDefaults.getMapper();
  private static final ToolAnnotations READ_ONLY =
      new ToolAnnotations(null, true, false, true, true);

  private final McpTools tools;

  StatelessTools(McpTools tools) {
    this.tools = tools;
  }

  @Override
  public Set<String> methods() {
    return Set.of(McpSchema.METHOD_TOOLS_LIST, McpSchema.METHOD_TOOLS_CALL);
  }

  @Override
  public void capabilities(ServerCapabilities.Builder builder) {
    builder.tools(false); // StatelessToolSubscriptions turns listChanged on
  }

  @Override
  public Mono<McpAsyncResponse<Result>> handle(McpRequestContext ctx, Object params) {
    McpCaller sender = McpCaller.in(ctx.transportContext());
    return Mono.fromCallable(
        () ->
            McpAsyncResponse.<Result>result(
                McpSchema.METHOD_TOOLS_LIST.equals(ctx.method())
                    ? list(sender)
                    : call(sender, params)));
  }

  private ListToolsResult list(McpCaller sender) {
    List<Tool> listed = servable(() -> tools.tools(sender)).stream().map(this::tool).toList();
    return ListToolsResult.builder(listed)
        .ttlMs(LIST_TTL_MS)
        .cacheScope(CacheScope.PRIVATE)
        .build();
  }

  private Tool tool(NamedTool named) {
    return Tool.builder(named.name(), JSON, named.tool().inputSchema())
        .title(named.tool().title())
        .description(named.tool().description())
        .annotations(READ_ONLY)
        .build();
  }

  private CallToolResult call(McpCaller sender, Object params) {
    CallToolRequest request = request(params);
    NamedTool named =
        servable(() -> tools.find(sender, request.name()))
            .orElseThrow(
                () ->
                    new McpException(
                        ErrorCodes.INVALID_PARAMS,
                        "Unknown tool: " + request.name(),
                        Map.of("code", McpTools.UNKNOWN_TOOL)));
    try {
      return JSON.convertValue(tools.invoke(named, request.arguments()), CallToolResult.class);
    } catch (ProblemException problem) {
      return refused(problem);
    } catch (IOException | RuntimeException unreadable) {
      throw new McpException(ErrorCodes.INTERNAL_ERROR, "The answer could not be read.");
    }
  }

  private static CallToolRequest request(Object params) {
    try {
      CallToolRequest request = JSON.convertValue(params, CallToolRequest.class);
      if (request == null || request.name() == null) {
        throw McpException.invalidParams("tools/call needs params.name");
      }
      return request;
    } catch (RuntimeException malformed) {
      if (malformed instanceof McpException known) {
        throw known;
      }
      throw McpException.invalidParams("tools/call params are malformed");
    }
  }

  /** A tool the gateway refused, or a vendor that failed: the 2025 revisions' result, anew. */
  static CallToolResult refused(ProblemException problem) {
    return CallToolResult.builder()
        .addContent(
            TextContent.builder(problem.code() + ": " + problem.title() + ". " + problem.detail())
                .build())
        .isError(true)
        .meta(Map.of(McpTools.PROBLEM_META, McpTools.problemData(problem)))
        .build();
  }

  /** A request that cannot be served at all: the same problem as the 2025 revisions give. */
  private static <T> T servable(java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (ProblemException problem) {
      throw new McpException(
          ErrorCodes.INVALID_REQUEST,
          problem.title() + ": " + problem.detail(),
          McpTools.problemData(problem));
    } catch (McpTools.CallerNotBound unbound) {
      throw new McpException(ErrorCodes.INTERNAL_ERROR, unbound.getMessage());
    }
  }
}
