package io.claribi.gateway.boundary.mcp;

import io.claribi.gateway.boundary.CallTarget;
import io.claribi.gateway.boundary.ToolCalls;
import io.claribi.gateway.boundary.ToolListing;
import io.claribi.gateway.boundary.mcp.McpToolNames.NamedTool;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.ProblemException;
import io.claribi.platform.api.VerifiedCaller;
import io.claribi.uploads.api.UploadId;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ListToolsResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code tools/list} and {@code tools/call} of {@code /mcp}: {@link ToolListing}'s tools under
 * their MCP names, called through {@link ToolCalls} exactly as {@code POST /api/v1/tools/call}
 * calls them. Refusals map as decision 0040 says: a name that is not the caller's tool is a
 * JSON-RPC error ({@code -32602}); anything the gateway refuses or a vendor fails for a known tool
 * is a result with {@code isError} carrying the problem's code.
 */
@ApplicationScoped
public class McpTools {

  static final String PROBLEM_META = "io.claribi/problem";
  static final String UNKNOWN_TOOL = "TOOL_NOT_FOUND";
  private static final McpJsonMapper JSON = McpJsonDefaults.getMapper();
  private static final TypeRef<Map<String, Object>> MAP = new TypeRef<>() {};

  /** What the product enforces: every tool it lets through only reads. */
  private static final ToolAnnotations READ_ONLY =
      new ToolAnnotations(null, true, false, true, true, null);

  @Inject ToolListing listing;
  @Inject ToolCalls calls;
  @Inject VerifiedCaller caller;

  /** The caller's tools, in name order (2025 revisions). */
  public ListToolsResult list(McpCaller sender) {
    return new ListToolsResult(asTools(on2025(() -> tools(sender))), null);
  }

  /** The tools as {@code tools/list} shows them. */
  static List<Tool> asTools(List<NamedTool> named) {
    return named.stream()
        .map(
            tool ->
                Tool.builder()
                    .name(tool.name())
                    .title(tool.tool().title())
                    .description(tool.tool().description())
                    .inputSchema(JSON, tool.tool().inputSchema())
                    .annotations(READ_ONLY)
                    .build())
        .toList();
  }

  /**
   * What a client sees of a tool list, as one value: equal for two lists exactly when {@code
   * tools/list} would show the same tools (names, titles, descriptions, schemas, annotations).
   */
  static String fingerprint(List<Tool> tools) {
    try {
      return io.claribi.platform.api.Sha256.hex(JSON.writeValueAsString(tools));
    } catch (IOException unwritable) {
      throw new java.io.UncheckedIOException(unwritable);
    }
  }

  /**
   * The fingerprint of what {@code tools/list} shows for this list; a list refused as a whole (a
   * plan without tools) has one of its own, so a downgrade is a change too.
   */
  static String shownFingerprint(java.util.function.Supplier<List<NamedTool>> tools) {
    try {
      return fingerprint(asTools(tools.get()));
    } catch (ProblemException refused) {
      return "refused:" + refused.code();
    }
  }

  /**
   * Calls the caller's tool named {@code name} (2025 revisions); the answer is the vendor's result
   * as it came.
   */
  public Object call(McpCaller sender, String name, Map<String, Object> arguments) {
    NamedTool named =
        on2025(() -> find(sender, name))
            .orElseThrow(
                () ->
                    McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                        .message("Unknown tool: " + name)
                        .data(Map.of("code", UNKNOWN_TOOL))
                        .build());
    try {
      return invoke(named, arguments);
    } catch (ProblemException problem) {
      return refused(problem);
    } catch (IOException unreadable) {
      throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR)
          .message("The answer could not be read.")
          .build();
    }
  }

  /**
   * The caller's tools under their MCP names, in name order, for every revision.
   *
   * @throws ProblemException when no tool can be named at all (e.g. a plan without tools)
   * @throws CallerNotBound when the request's caller is not the admitted one
   */
  List<NamedTool> tools(McpCaller sender) {
    requireBound(sender);
    return McpToolNames.assign(listing.callableTools());
  }

  /** The caller's tool of that name, if it is one; for every revision. */
  Optional<NamedTool> find(McpCaller sender, String name) {
    if (name == null || !McpToolNames.isValid(name)) {
      requireBound(sender);
      return Optional.empty();
    }
    return tools(sender).stream().filter(n -> n.name().equals(name)).findFirst();
  }

  /**
   * Calls a tool of the caller through {@link ToolCalls}, the road of {@code POST
   * /api/v1/tools/call}; the vendor's result as it came.
   *
   * @throws ProblemException when the gateway refused the call or the vendor failed
   */
  Map<String, Object> invoke(NamedTool named, Map<String, Object> arguments) throws IOException {
    ToolListing.CallableTool tool = named.tool();
    String argumentsJson = JSON.writeValueAsString(arguments == null ? Map.of() : arguments);
    ToolCalls.Called called =
        tool.upload()
            ? calls.callUpload(UploadId.parse(tool.sourceId()), tool.name(), argumentsJson)
            : calls.call(
                CallTarget.connection(ConnectionId.parse(tool.sourceId())),
                tool.name(),
                argumentsJson);
    return JSON.readValue(called.reply().json(), MAP);
  }

  /** The 2025 revisions' JSON-RPC errors for a request that cannot be served at all. */
  private static <T> T on2025(java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (ProblemException problem) {
      // e.g. a plan without tools: the whole request is refused, with the problem's code
      throw McpError.builder(McpSchema.ErrorCodes.INVALID_REQUEST)
          .message(problem.title() + ": " + problem.detail())
          .data(problemData(problem))
          .build();
    } catch (CallerNotBound unbound) {
      throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR)
          .message(unbound.getMessage())
          .build();
    }
  }

  /** A tool the gateway refused, or a vendor that failed: a result the model can read. */
  static CallToolResult refused(ProblemException problem) {
    return CallToolResult.builder()
        .addTextContent(problem.code() + ": " + problem.title() + ". " + problem.detail())
        .isError(true)
        .meta(Map.of(PROBLEM_META, problemData(problem)))
        .build();
  }

  static Map<String, Object> problemData(ProblemException problem) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("status", problem.status());
    data.put("code", problem.code());
    data.put("title", problem.title());
    data.put("detail", problem.detail());
    problem.retryAfterSeconds().ifPresent(seconds -> data.put("retryAfterSeconds", seconds));
    return data;
  }

  /**
   * The handler runs on the servlet request's thread (decision 0040): the verified caller there
   * must be the one the request was admitted as. Anything else fails closed.
   */
  void requireBound(McpCaller sender) {
    try {
      if (sender == null
          || !caller.hasBearerToken()
          || !caller.organization().equals(sender.organization())
          || !caller.actor().equals(sender.actor())) {
        throw new CallerNotBound();
      }
    } catch (ContextNotActiveException offTheRequest) {
      throw new CallerNotBound();
    }
  }

  /** The handler does not run where the request was admitted: nothing is done. */
  static final class CallerNotBound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CallerNotBound() {
      super("The request's caller is not bound here; nothing was done.", null, false, false);
    }
  }
}
