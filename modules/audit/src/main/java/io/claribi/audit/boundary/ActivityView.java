package io.claribi.audit.boundary;

import io.claribi.audit.control.EventHash;
import io.claribi.audit.entity.EventContent;
import java.time.Instant;
import java.util.Optional;

/**
 * "Was this integration active in this window": who created and disconnected the connection and
 * when, and how many tool calls it served in {@code [from, to)}.
 */
public record ActivityView(
    String connection,
    String vendor,
    String from,
    String to,
    String createdAt,
    String createdBy,
    String disconnectedAt,
    String disconnectedBy,
    long usesInWindow,
    boolean activeInWindow) {

  static ActivityView of(
      String connection,
      Instant from,
      Instant to,
      Optional<EventContent> created,
      Optional<EventContent> disconnected,
      long uses) {
    boolean createdBeforeEnd = created.map(c -> c.occurredAt().isBefore(to)).orElse(false);
    boolean openAtStart = disconnected.map(d -> !d.occurredAt().isBefore(from)).orElse(true);
    return new ActivityView(
        connection,
        created.or(() -> disconnected).map(EventContent::vendor).orElse(null),
        EventHash.timestamp(from),
        EventHash.timestamp(to),
        created.map(c -> EventHash.timestamp(c.occurredAt())).orElse(null),
        created.map(EventContent::actor).orElse(null),
        disconnected.map(d -> EventHash.timestamp(d.occurredAt())).orElse(null),
        disconnected.map(EventContent::actor).orElse(null),
        uses,
        createdBeforeEnd && openAtStart || uses > 0);
  }
}
