package io.claribi.catalog.control;

import io.claribi.catalog.api.DiscoveredTool;
import io.claribi.platform.api.Sha256;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;

/**
 * The fingerprint of a tool: SHA-256, in lower-case hex, over the canonical JSON of {@code
 * {"annotations", "description", "inputSchema", "name", "title"}}, with the schema and the
 * annotations parsed (so their key order and whitespace do not count) and absent values as {@code
 * null}. An operator's ALLOW is bound to it: any change of what the operator reviewed changes it.
 */
public final class ToolFingerprint {

  /** Looked up once: {@code Json.create…} searches the class path on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private ToolFingerprint() {}

  /**
   * @throws IllegalArgumentException if the schema or the annotations are not JSON
   */
  public static String of(DiscoveredTool tool) {
    return Sha256.hex(canonicalForm(tool));
  }

  public static String canonicalForm(DiscoveredTool tool) {
    JsonObjectBuilder form = JSON.createObjectBuilder();
    form.add("name", tool.name());
    form.add("title", text(tool.title()));
    form.add("description", text(tool.description()));
    form.add("inputSchema", parse("inputSchema", tool.inputSchema()));
    form.add(
        "annotations",
        tool.annotations() == null ? JsonValue.NULL : parse("annotations", tool.annotations()));
    return CanonicalJson.write(form.build());
  }

  static JsonValue parse(String field, String json) {
    try (var reader = JSON.createReader(new StringReader(json))) {
      return reader.readValue();
    } catch (JsonParsingException e) {
      throw new IllegalArgumentException(field + " is not JSON: " + e.getMessage(), e);
    } catch (JsonException e) {
      throw new IllegalArgumentException(field + " is not JSON", e);
    }
  }

  private static JsonValue text(String value) {
    return value == null ? JsonValue.NULL : JSON.createValue(value);
  }
}
