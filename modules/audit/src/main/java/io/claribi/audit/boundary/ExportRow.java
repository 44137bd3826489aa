package io.claribi.audit.boundary;

import io.claribi.audit.control.EventHash;
import io.claribi.audit.entity.RecordedEvent;

/**
 * One event as an export writes it: every field as text, the details as the stored JSON. Built
 * straight from the row, without parsing anything, because exports are long.
 */
record ExportRow(
    long sequence,
    String occurredAt,
    String type,
    String actor,
    String organization,
    String connection,
    String vendor,
    String requestId,
    String clientAddress,
    String detailsJson,
    String id,
    String previousHash,
    String hash) {

  static ExportRow of(String organization, RecordedEvent e) {
    return new ExportRow(
        e.sequence(),
        EventHash.timestamp(e.occurredAt()),
        e.type().name(),
        e.actor(),
        organization,
        e.connection(),
        e.vendor(),
        e.requestId(),
        e.clientAddress(),
        e.detailsJson(),
        e.id(),
        e.previousHash(),
        e.hash());
  }
}
