package io.claribi.audit.boundary;

import io.claribi.audit.control.EventHash;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

/**
 * The last line of every export: what was selected, how many events, the first and last links, and
 * the chain head when the export started. With a contiguous selection a verifier recomputes every
 * hash and link from {@code firstPreviousHash} to {@code lastHash}; with a filtered one it
 * recomputes each event's hash and can match them against a full export or the verify endpoint.
 */
record ExportTrailer(
    String organization,
    String exportedAt,
    String filter,
    long events,
    Long firstSequence,
    Long lastSequence,
    String firstPreviousHash,
    String lastHash,
    boolean contiguous,
    long chainHeadSequence,
    String chainHeadHash) {

  /** Looked up once: {@code Json.create…} searches the class path on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  JsonObject toJson() {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("hashFormat", EventHash.VERSION)
            .add("organization", organization)
            .add("exportedAt", exportedAt)
            .add("filter", filter)
            .add("events", events);
    addOrNull(json, "firstSequence", firstSequence);
    addOrNull(json, "lastSequence", lastSequence);
    addOrNull(json, "firstPreviousHash", firstPreviousHash);
    addOrNull(json, "lastHash", lastHash);
    return json.add("contiguous", contiguous)
        .add("chainHeadSequence", chainHeadSequence)
        .add("chainHeadHash", chainHeadHash)
        .build();
  }

  private static void addOrNull(JsonObjectBuilder json, String name, Object value) {
    if (value == null) {
      json.addNull(name);
    } else if (value instanceof Long number) {
      json.add(name, number);
    } else {
      json.add(name, value.toString());
    }
  }
}
