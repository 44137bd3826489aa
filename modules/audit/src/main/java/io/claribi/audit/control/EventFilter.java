package io.claribi.audit.control;

import io.claribi.platform.api.AuditEventType;
import java.time.Instant;
import java.util.Set;

/**
 * Which events of the bound organization a query or export selects; null means "any". {@code from}
 * is inclusive, {@code to} exclusive.
 */
public record EventFilter(
    Instant from,
    Instant to,
    String connection,
    String vendor,
    Set<AuditEventType> types,
    String actor) {

  public static final EventFilter ALL = new EventFilter(null, null, null, null, Set.of(), null);

  public EventFilter {
    types = types == null ? Set.of() : Set.copyOf(types);
  }

  /** True when only time bounds (or nothing) restrict the selection: it has no gaps. */
  public boolean isContiguous() {
    return connection == null && vendor == null && types.isEmpty() && actor == null;
  }
}
