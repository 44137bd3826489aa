package io.claribi.gateway.control.nativeapi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shapes an answer as an MCP {@code CallToolResult}: the JSON as text and as structured content.
 */
final class ToolResults {

  private static final JsonMapper JSON = JsonMapper.shared();

  private ToolResults() {}

  static String of(ObjectNode answer) {
    String text = JSON.writeValueAsString(answer);
    ObjectNode result = JSON.createObjectNode();
    result.putArray("content").addObject().put("type", "text").put("text", text);
    result.set("structuredContent", answer);
    result.put("isError", false);
    return JSON.writeValueAsString(result);
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** Copies the named fields that are present. */
  static ObjectNode pick(JsonNode from, String... names) {
    ObjectNode picked = object();
    for (String name : names) {
      if (from.has(name) && !from.get(name).isNull()) {
        picked.set(name, from.get(name));
      }
    }
    return picked;
  }
}
