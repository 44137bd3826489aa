package io.claribi.gateway.boundary;

import io.claribi.gateway.control.SetAsideUsage;
import java.time.Instant;
import java.util.List;

/**
 * What an operator sees of the usage records set aside: how many there are, and the newest ones
 * with the reason the audit trail gave and the record itself (ASCII JSON).
 */
public record SetAsideView(long count, List<Entry> records) {

  public record Entry(
      String id,
      String organization,
      Instant setAsideAt,
      String type,
      String connection,
      String vendor,
      String requestId,
      String reason,
      String record) {

    static Entry of(SetAsideUsage.Entry entry) {
      return new Entry(
          entry.id(),
          entry.organization().value(),
          entry.setAsideAt(),
          entry.type(),
          entry.connection(),
          entry.vendor(),
          entry.requestId(),
          entry.reason(),
          entry.recordJson());
    }
  }
}
