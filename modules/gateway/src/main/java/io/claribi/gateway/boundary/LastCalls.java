package io.claribi.gateway.boundary;

import io.claribi.platform.api.AuditEvent;
import io.claribi.platform.api.AuditEventType;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.DeferredAuditEvent;
import io.claribi.uploads.api.UploadTarget;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The latest call per connection in a batch of usage records: one time to keep per connection. */
final class LastCalls {

  /** The vendor an uploaded file's usage records name: no connection to keep a time on. */
  private static final String UPLOAD = UploadTarget.VENDOR;

  private LastCalls() {}

  static Map<ConnectionId, Instant> of(List<DeferredAuditEvent> records) {
    Map<ConnectionId, Instant> latest = new HashMap<>();
    for (DeferredAuditEvent record : records) {
      AuditEvent event = record.event();
      if (event.type() != AuditEventType.CONNECTION_USED || UPLOAD.equals(event.vendor())) {
        continue;
      }
      try {
        ConnectionId connection = new ConnectionId(UUID.fromString(event.connection()));
        Instant at = Instant.parse(event.details().get("calledAt"));
        latest.merge(connection, at, (a, b) -> a.isAfter(b) ? a : b);
      } catch (IllegalArgumentException | NullPointerException | DateTimeParseException odd) {
        // a record without a readable connection or time still reaches the trail; no time kept
      }
    }
    return latest;
  }
}
