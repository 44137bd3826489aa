package io.claribi.audit.entity;

import io.claribi.platform.api.AuditEventType;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The recorded facts of one event, everything the hash covers except the organization and the
 * previous hash. Details keep their keys sorted.
 */
public record EventContent(
    String id,
    long sequence,
    Instant occurredAt,
    AuditEventType type,
    String actor,
    String connection,
    String vendor,
    String requestId,
    String clientAddress,
    SortedMap<String, String> details) {

  /** Looked up once: {@code Json.create…} searches the class path on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  public EventContent {
    details = Collections.unmodifiableSortedMap(new TreeMap<>(details));
  }

  /** The details as a JSON object with sorted keys, as stored and exported. */
  public String detailsJson() {
    JsonObjectBuilder json = JSON.createObjectBuilder();
    details.forEach(json::add);
    return json.build().toString();
  }

  public JsonObject detailsObject() {
    JsonObjectBuilder json = JSON.createObjectBuilder();
    details.forEach(json::add);
    return json.build();
  }

  static SortedMap<String, String> parseDetails(String json) {
    SortedMap<String, String> details = new TreeMap<>();
    try (var reader = JSON.createReader(new StringReader(json))) {
      for (Map.Entry<String, JsonValue> entry : reader.readObject().entrySet()) {
        details.put(entry.getKey(), ((JsonString) entry.getValue()).getString());
      }
    }
    return details;
  }
}
