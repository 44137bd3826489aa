package io.claribi.gateway.boundary;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Puts vendor JSON (results, schemas) into the gateway's answers as JSON, not as strings. */
final class GatewayJson {

  private static final JsonProvider JSON = JsonProvider.provider();

  private GatewayJson() {}

  static JsonValue parse(String json) {
    if (json == null) {
      return JsonValue.NULL;
    }
    try (JsonReader reader = JSON.createReader(new StringReader(json))) {
      return reader.readValue();
    }
  }

  static String write(JsonValue value) {
    StringWriter out = new StringWriter();
    JSON.createWriter(out).write(value);
    return out.toString();
  }

  /**
   * Tool arguments (a JSON object) as the MCP SDK would hand them to a tool: maps, lists, scalars.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> arguments(String json) {
    return JsonMapper.shared().readValue(json == null ? "{}" : json, LinkedHashMap.class);
  }

  /** A successful {@code CallToolResult} carrying the answer as text and as structured content. */
  static String toolResult(Map<String, Object> answer) {
    String text = JsonMapper.shared().writeValueAsString(answer);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("content", List.of(Map.of("type", "text", "text", text)));
    result.put("structuredContent", answer);
    result.put("isError", false);
    return JsonMapper.shared().writeValueAsString(result);
  }

  static JsonObjectBuilder object() {
    return JSON.createObjectBuilder();
  }

  static jakarta.json.JsonArrayBuilder array() {
    return JSON.createArrayBuilder();
  }

  /**
   * The envelope around the vendor's result. The result is JSON that this server's own mapper wrote
   * from the SDK's parsed record, so it is spliced in as it is, not parsed a second time.
   */
  /**
   * The envelope around an upload tool's result: {@code uploadId}, {@code tool}, {@code result}.
   */
  static String uploadAnswer(ToolCalls.Called called) {
    String envelope =
        write(object().add("uploadId", called.sourceId()).add("tool", called.what()).build());
    return envelope.substring(0, envelope.length() - 1)
        + ",\"result\":"
        + called.reply().json()
        + "}";
  }

  static String answer(ToolCalls.Called called, String subject) {
    String envelope =
        write(
            object()
                .add("connectionId", called.sourceId())
                .add("vendor", called.vendor())
                .add(subject, called.what())
                .build());
    return envelope.substring(0, envelope.length() - 1)
        + ",\"result\":"
        + called.reply().json()
        + "}";
  }
}
