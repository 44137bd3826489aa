package io.claribi.audit.boundary.console;

import io.claribi.audit.boundary.EventView;
import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/** One event as a row of the audit page. The page writes every value with escaping output. */
public final class EventRow implements Serializable {

  private static final long serialVersionUID = 1L;

  private final long sequence;
  private final Instant occurredAt;
  private final String type;
  private final String typeWords;
  private final String actor;
  private final String vendor;
  private final String connection;
  private final String detail;

  private EventRow(
      long sequence,
      Instant occurredAt,
      String type,
      String actor,
      String vendor,
      String connection,
      String detail) {
    this.sequence = sequence;
    this.occurredAt = occurredAt;
    this.type = type;
    this.typeWords = EventTypes.words(type);
    this.actor = actor;
    this.vendor = vendor;
    this.connection = connection;
    this.detail = detail;
  }

  static EventRow of(EventView event) {
    return new EventRow(
        event.sequence(),
        Instant.parse(event.occurredAt()),
        event.type(),
        event.actor(),
        event.vendor(),
        event.connection(),
        detail(event.details()));
  }

  /** {@code tool: list_customers · outcome: OK}, in key order. */
  static String detail(Map<String, String> details) {
    if (details == null) {
      return "";
    }
    return details.entrySet().stream()
        .map(e -> e.getKey() + ": " + e.getValue())
        .collect(Collectors.joining(" · "));
  }

  public long getSequence() {
    return sequence;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getType() {
    return type;
  }

  /** {@code Connection used} for {@code CONNECTION_USED}. */
  public String getTypeWords() {
    return typeWords;
  }

  public String getActor() {
    return actor;
  }

  public String getVendor() {
    return vendor;
  }

  public String getConnection() {
    return connection;
  }

  public String getDetail() {
    return detail;
  }
}
