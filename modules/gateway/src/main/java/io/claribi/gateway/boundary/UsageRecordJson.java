package io.claribi.gateway.boundary;

import io.claribi.platform.api.AuditEvent;
import io.claribi.platform.api.AuditEventType;
import io.claribi.platform.api.DeferredAuditEvent;
import io.claribi.platform.api.OrganizationId;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Map;
import java.util.TreeMap;

/**
 * A usage record as it is kept when set aside: JSON with every character outside printable ASCII
 * escaped ({@code \\u0000} for a NUL), so any database and any log can hold it, and it reads back
 * into the same record for a retry.
 */
final class UsageRecordJson {

  /** Looked up once: {@code Json.create…} searches the class path on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private UsageRecordJson() {}

  static String encode(DeferredAuditEvent record) {
    AuditEvent event = record.event();
    JsonObjectBuilder details = JSON.createObjectBuilder();
    event.details().forEach(details::add);
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("organization", record.organization().value())
            .add("actor", record.actor())
            .add("requestId", record.requestId())
            .add("type", event.type().name())
            .add("details", details);
    optional(json, "clientAddress", record.clientAddress());
    optional(json, "connection", event.connection());
    optional(json, "vendor", event.vendor());
    return ascii(json.build().toString());
  }

  static DeferredAuditEvent decode(String text) {
    JsonObject json;
    try (var reader = JSON.createReader(new StringReader(text))) {
      json = reader.readObject();
    }
    Map<String, String> details = new TreeMap<>();
    for (Map.Entry<String, JsonValue> detail : json.getJsonObject("details").entrySet()) {
      details.put(detail.getKey(), ((JsonString) detail.getValue()).getString());
    }
    AuditEvent event =
        new AuditEvent(
            AuditEventType.valueOf(json.getString("type")),
            json.getString("connection", null),
            json.getString("vendor", null),
            new TreeMap<>(details));
    return new DeferredAuditEvent(
        new OrganizationId(json.getString("organization")),
        json.getString("actor"),
        json.getString("requestId"),
        json.getString("clientAddress", null),
        event);
  }

  private static void optional(JsonObjectBuilder json, String name, String value) {
    if (value != null) {
      json.add(name, value);
    }
  }

  /** JSON text stays JSON when a character inside a string is written as its escape. */
  private static String ascii(String json) {
    StringBuilder out = new StringBuilder(json.length());
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c < 0x20 || c >= 0x7f) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
