package io.claribi.audit.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.Writer;

/**
 * JSON Lines: one event object per line, absent values as explicit {@code null}, and a last line
 * {@code {"trailer": {...}}}.
 */
final class JsonLinesFormat implements ExportFormat {

  @Override
  public String mediaType() {
    return "application/jsonl; charset=UTF-8";
  }

  @Override
  public String extension() {
    return "jsonl";
  }

  @Override
  public void header(Writer out) {
    // JSON Lines has no header
  }

  @Override
  public void event(Writer out, EventView e) throws IOException {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("id", e.id())
            .add("sequence", e.sequence())
            .add("occurredAt", e.occurredAt())
            .add("type", e.type())
            .add("actor", e.actor())
            .add("organization", e.organization());
    addOrNull(json, "connection", e.connection());
    addOrNull(json, "vendor", e.vendor());
    json.add("requestId", e.requestId());
    addOrNull(json, "clientAddress", e.clientAddress());
    json.add("details", details(e)).add("previousHash", e.previousHash()).add("hash", e.hash());
    out.write(json.build().toString());
    out.write('\n');
  }

  @Override
  public void trailer(Writer out, ExportTrailer trailer) throws IOException {
    out.write(Json.createObjectBuilder().add("trailer", trailer.toJson()).build().toString());
    out.write('\n');
  }

  static JsonObject details(EventView e) {
    JsonObjectBuilder json = Json.createObjectBuilder();
    e.details().forEach(json::add);
    return json.build();
  }

  private static void addOrNull(JsonObjectBuilder json, String name, String value) {
    if (value == null) {
      json.addNull(name);
    } else {
      json.add(name, value);
    }
  }
}
