package it.io.claribi;

import io.claribi.audit.control.EventHash;
import io.claribi.audit.entity.EventContent;
import io.claribi.platform.api.AuditEventType;
import io.claribi.platform.api.OrganizationId;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.TreeMap;

/** What an outside verifier does with a JSON Lines export: recompute each event's hash. */
public final class AuditHashes {

  private AuditHashes() {}

  public static String recompute(JsonObject line) {
    TreeMap<String, String> details = new TreeMap<>();
    line.getJsonObject("details").forEach((k, v) -> details.put(k, ((JsonString) v).getString()));
    EventContent content =
        new EventContent(
            line.getString("id"),
            line.getJsonNumber("sequence").longValue(),
            Instant.parse(line.getString("occurredAt")),
            AuditEventType.valueOf(line.getString("type")),
            line.getString("actor"),
            text(line, "connection"),
            text(line, "vendor"),
            line.getString("requestId"),
            text(line, "clientAddress"),
            details);
    return EventHash.of(
        new OrganizationId(line.getString("organization")),
        content,
        line.getString("previousHash"));
  }

  private static String text(JsonObject line, String name) {
    return line.get(name) == null || line.get(name) == JsonValue.NULL ? null : line.getString(name);
  }
}
