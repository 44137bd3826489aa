package io.claribi.demovendor.control;

import io.claribi.demovendor.Json;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What the demo vendor needs to know of an incoming JSON-RPC message before the SDK sees it: the
 * method, the id (as JSON), the tool name of a tools/call, the URI of a resources/read and the
 * cursor of a list request, and its kind: {@code request}, {@code notification}, {@code response}
 * (the client's answer to a request of the server) or null. Anything else, a batch or a body that
 * is not JSON, has no method and no kind.
 */
public record JsonRpcRequest(
    String method, String idJson, String toolName, String resourceUri, String cursor, String kind) {

  /** Where the request-log filter leaves the parsed message for the filters after it. */
  public static final String ATTRIBUTE = "io.claribi.demovendor.json-rpc";

  static final JsonRpcRequest NONE = new JsonRpcRequest(null, null, null, null, null, null);

  static JsonRpcRequest parse(byte[] body) {
    if (body.length == 0) {
      return NONE;
    }
    JsonNode message;
    try {
      message = Json.MAPPER.readTree(body);
    } catch (RuntimeException e) {
      return NONE;
    }
    if (message == null || !message.isObject()) {
      return NONE;
    }
    JsonNode params = message.path("params");
    return new JsonRpcRequest(
        text(message.get("method")),
        message.has("id") ? message.get("id").toString() : null,
        text(params.get("name")),
        text(params.get("uri")),
        text(params.get("cursor")),
        kind(message));
  }

  private static String kind(JsonNode message) {
    if (message.has("method")) {
      return message.has("id") ? "request" : "notification";
    }
    return message.has("result") || message.has("error") ? "response" : null;
  }

  public Optional<String> methodIfAny() {
    return Optional.ofNullable(method);
  }

  private static String text(JsonNode node) {
    return node != null && node.isString() ? node.asString() : null;
  }
}
