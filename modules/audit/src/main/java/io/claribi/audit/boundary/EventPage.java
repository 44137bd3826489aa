package io.claribi.audit.boundary;

import java.util.List;

/** One page of events, oldest first; {@code next} is the {@code after} of the next page. */
public record EventPage(List<EventView> events, String next) {

  /** A page read with {@code limit}: a full page may have a next one, a short one has none. */
  public static EventPage of(List<EventView> events, int limit) {
    String next = events.size() < limit ? null : Long.toString(events.get(limit - 1).sequence());
    return new EventPage(events, next);
  }
}
