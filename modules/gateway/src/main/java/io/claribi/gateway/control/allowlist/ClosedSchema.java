package io.claribi.gateway.control.allowlist;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The approved input schema read as closed: an argument is admitted only if the schema names it in
 * {@code properties}, whatever {@code additionalProperties} or {@code patternProperties} say. A
 * vendor that adds an argument after approval (or never wrote {@code additionalProperties: false})
 * cannot get it forwarded. Applies at the top level always, and to every nested object (or object
 * in an array) whose schema declares {@code properties}; a nested object whose schema declares none
 * was approved as free-form and stays so. {@code allOf}/{@code anyOf}/{@code oneOf} branches and
 * local {@code $ref}s contribute their declared names; anything else that cannot be followed admits
 * nothing.
 */
final class ClosedSchema {

  /** How deep references and compositions are followed before the schema is given up on. */
  private static final int MAX_DEPTH = 32;

  private static final int MAX_NAME_CHARS = 64;

  private final JsonNode root;

  private ClosedSchema(JsonNode root) {
    this.root = root;
  }

  /**
   * @return why the arguments are refused, or empty when every argument is declared
   */
  static Optional<String> undeclared(JsonNode schema, JsonNode arguments) {
    return new ClosedSchema(schema).check(schema, arguments, "", true, 0);
  }

  private Optional<String> check(
      JsonNode schema, JsonNode value, String path, boolean topLevel, int depth) {
    if (depth > MAX_DEPTH) {
      return Optional.of("the approved input schema nests too deeply to be checked");
    }
    if (value.isArray()) {
      Optional<JsonNode> items = items(schema, depth);
      if (items.isEmpty()) {
        return Optional.empty();
      }
      for (int i = 0; i < value.size(); i++) {
        Optional<String> refused =
            check(items.get(), value.get(i), path + "[" + i + "]", false, depth + 1);
        if (refused.isPresent()) {
          return refused;
        }
      }
      return Optional.empty();
    }
    if (!value.isObject()) {
      return Optional.empty();
    }
    Declared declared = new Declared();
    if (!collect(schema, declared, 0)) {
      return Optional.of(
          "the approved input schema has a reference that cannot be followed inside it");
    }
    if (!topLevel && !declared.any) {
      return Optional.empty(); // approved as a free-form object
    }
    Iterator<Map.Entry<String, JsonNode>> fields = value.properties().iterator();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
      List<JsonNode> schemas = declared.names.get(field.getKey());
      if (schemas == null) {
        return Optional.of(
            "argument '" + visible(at) + "' is not declared by the approved input schema");
      }
      for (JsonNode property : schemas) {
        Optional<String> refused = check(property, field.getValue(), at, false, depth + 1);
        if (refused.isPresent()) {
          return refused;
        }
      }
    }
    return Optional.empty();
  }

  /** The names a schema declares, with every subschema that declares each. */
  private static final class Declared {
    final Map<String, List<JsonNode>> names = new LinkedHashMap<>();
    boolean any;
  }

  /**
   * Adds what this schema, its compositions and its local reference declare.
   *
   * @return false if a reference cannot be followed inside the schema
   */
  private boolean collect(JsonNode node, Declared declared, int depth) {
    if (depth > MAX_DEPTH) {
      return false;
    }
    if (node == null || !node.isObject()) {
      return true; // a boolean schema declares nothing
    }
    JsonNode properties = node.get("properties");
    if (properties != null && properties.isObject()) {
      declared.any = true;
      for (Map.Entry<String, JsonNode> property : properties.properties()) {
        declared
            .names
            .computeIfAbsent(property.getKey(), k -> new ArrayList<>())
            .add(property.getValue());
      }
    }
    for (String composition : new String[] {"allOf", "anyOf", "oneOf"}) {
      JsonNode branches = node.get(composition);
      if (branches != null && branches.isArray()) {
        for (JsonNode branch : branches) {
          if (!collect(branch, declared, depth + 1)) {
            return false;
          }
        }
      }
    }
    JsonNode ref = node.get("$ref");
    if (ref == null) {
      return true;
    }
    Optional<JsonNode> target = resolve(ref);
    return target.isPresent() && collect(target.get(), declared, depth + 1);
  }

  /** The schema for the elements of an array, following local references. */
  private Optional<JsonNode> items(JsonNode schema, int depth) {
    if (depth > MAX_DEPTH || schema == null || !schema.isObject()) {
      return Optional.empty();
    }
    JsonNode items = schema.get("items");
    if (items != null && items.isObject()) {
      return Optional.of(items);
    }
    JsonNode ref = schema.get("$ref");
    return ref == null ? Optional.empty() : resolve(ref).flatMap(t -> items(t, depth + 1));
  }

  /** A {@code $ref} inside this schema (a JSON pointer after {@code #}); nothing else. */
  private Optional<JsonNode> resolve(JsonNode ref) {
    if (!ref.isString() || !ref.asString().startsWith("#")) {
      return Optional.empty();
    }
    String pointer = ref.asString().substring(1);
    JsonNode target = pointer.isEmpty() ? root : root.at(pointer);
    return target == null || target.isMissingNode() ? Optional.empty() : Optional.of(target);
  }

  /** A caller's argument name, bounded and with control characters shown as escapes. */
  static String visible(String name) {
    StringBuilder shown = new StringBuilder();
    name.codePoints()
        .limit(MAX_NAME_CHARS)
        .forEach(
            c -> {
              if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                shown.append(String.format("\\u%04x", c));
              } else {
                shown.appendCodePoint(c);
              }
            });
    if (name.codePointCount(0, name.length()) > MAX_NAME_CHARS) {
      shown.append("…");
    }
    return shown.toString();
  }
}
