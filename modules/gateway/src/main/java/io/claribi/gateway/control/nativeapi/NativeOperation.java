package io.claribi.gateway.control.nativeapi;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One read operation of a native connector, offered to the AI engine as an MCP tool.
 *
 * @param name snake_case tool name, unique within its connector
 * @param inputSchema JSON Schema of the arguments, as JSON text; it closes the object ({@code
 *     additionalProperties: false}) and its properties are the only argument names accepted
 */
public record NativeOperation(String name, String title, String description, String inputSchema) {

  private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

  public NativeOperation {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    if (name == null || !SNAKE_CASE.matcher(name).matches()) {
      throw new IllegalArgumentException("an operation name is snake_case: " + name);
    }
    JsonNode schema = JsonMapper.shared().readTree(inputSchema);
    if (!"object".equals(schema.path("type").asString())
        || !schema.path("additionalProperties").isBoolean()
        || schema.path("additionalProperties").asBoolean()) {
      throw new IllegalArgumentException(
          name + ": the input schema must be a closed object (additionalProperties: false)");
    }
  }

  /** The argument names the schema declares; any other argument is refused. */
  public Set<String> parameterNames() {
    Set<String> names = new LinkedHashSet<>();
    JsonMapper.shared()
        .readTree(inputSchema)
        .path("properties")
        .propertyNames()
        .forEach(names::add);
    return names;
  }
}
