package io.claribi.audit.boundary;

import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.Writer;

/**
 * JSON Lines: one event object per line, absent values as explicit {@code null}, and a last line
 * {@code {"trailer": {...}}}. Lines are written directly (the details are already stored as a JSON
 * object), which keeps a long export fast.
 */
final class JsonLinesFormat implements ExportFormat {

  /** Looked up once: {@code Json.create…} searches the class path on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

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
  public void event(Writer out, ExportRow e) throws IOException {
    StringBuilder line = new StringBuilder(512);
    line.append('{');
    member(line, "id", e.id()).append(',');
    line.append("\"sequence\":").append(e.sequence()).append(',');
    member(line, "occurredAt", e.occurredAt()).append(',');
    member(line, "type", e.type()).append(',');
    member(line, "actor", e.actor()).append(',');
    member(line, "organization", e.organization()).append(',');
    member(line, "connection", e.connection()).append(',');
    member(line, "vendor", e.vendor()).append(',');
    member(line, "requestId", e.requestId()).append(',');
    member(line, "clientAddress", e.clientAddress()).append(',');
    line.append("\"details\":").append(e.detailsJson()).append(',');
    member(line, "previousHash", e.previousHash()).append(',');
    member(line, "hash", e.hash()).append("}\n");
    out.append(line);
  }

  @Override
  public void trailer(Writer out, ExportTrailer trailer) throws IOException {
    out.write(JSON.createObjectBuilder().add("trailer", trailer.toJson()).build().toString());
    out.write('\n');
  }

  private static StringBuilder member(StringBuilder line, String name, String value) {
    line.append('"').append(name).append("\":");
    return value == null ? line.append("null") : string(line, value);
  }

  /** A JSON string (RFC 8259): quotes, backslashes and control characters escaped. */
  static StringBuilder string(StringBuilder line, String value) {
    line.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> line.append("\\\"");
        case '\\' -> line.append("\\\\");
        case '\n' -> line.append("\\n");
        case '\r' -> line.append("\\r");
        case '\t' -> line.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            line.append(String.format("\\u%04x", (int) c));
          } else {
            line.append(c);
          }
        }
      }
    }
    return line.append('"');
  }
}
