package io.claribi.demovendor.tools;

import io.claribi.demovendor.Json;
import io.claribi.demovendor.data.Ledger;
import io.claribi.demovendor.data.UnknownObjectException;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs one tool for one caller: checks the token's scopes first (the vendor's own defence, whatever
 * the client decided), then runs the action against the current ledger. Results and errors are JSON
 * text content plus the same object as structured content.
 */
public final class ToolCall {

  private final AcmeTool tool;
  private final Supplier<Ledger> ledger;

  public ToolCall(AcmeTool tool, Supplier<Ledger> ledger) {
    this.tool = tool;
    this.ledger = ledger;
  }

  public CallToolResult invoke(Set<String> grantedScopes, Map<String, Object> arguments) {
    if (!grantedScopes.contains(tool.requiredScope())) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("error", "insufficient_scope");
      error.put("required_scope", tool.requiredScope());
      error.put("message", tool.name() + " needs the scope " + tool.requiredScope());
      return error(error);
    }
    try {
      Object result = tool.action().apply(ledger.get(), new Arguments(arguments));
      return CallToolResult.builder()
          .addTextContent(Json.MAPPER.writeValueAsString(result))
          .structuredContent(asMap(result))
          .isError(false)
          .build();
    } catch (UnknownObjectException e) {
      return error(Map.of("error", "resource_missing", "message", e.getMessage()));
    } catch (IllegalArgumentException e) {
      return error(Map.of("error", "invalid_request", "message", e.getMessage()));
    }
  }

  private static CallToolResult error(Map<String, Object> error) {
    return CallToolResult.builder()
        .addTextContent(Json.MAPPER.writeValueAsString(error))
        .structuredContent(error)
        .isError(true)
        .build();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object result) {
    return Json.MAPPER.convertValue(result, Map.class);
  }
}
