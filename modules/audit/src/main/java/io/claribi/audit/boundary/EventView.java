package io.claribi.audit.boundary;

import io.claribi.audit.control.EventHash;
import io.claribi.audit.entity.EventContent;
import io.claribi.audit.entity.RecordedEvent;
import java.util.SortedMap;

/**
 * One event as the API and the exports show it; {@code occurredAt} is UTC with exactly three
 * fraction digits, the form the hash covers.
 */
public record EventView(
    String id,
    long sequence,
    String occurredAt,
    String type,
    String actor,
    String organization,
    String connection,
    String vendor,
    String requestId,
    String clientAddress,
    SortedMap<String, String> details,
    String previousHash,
    String hash) {

  static EventView of(String organization, RecordedEvent event) {
    EventContent c = event.content();
    return new EventView(
        c.id(),
        c.sequence(),
        EventHash.timestamp(c.occurredAt()),
        c.type().name(),
        c.actor(),
        organization,
        c.connection(),
        c.vendor(),
        c.requestId(),
        c.clientAddress(),
        c.details(),
        event.previousHash(),
        event.hash());
  }
}
