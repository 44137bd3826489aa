package io.claribi.catalog.boundary;

import io.claribi.catalog.entity.Decision;
import io.claribi.catalog.entity.ToolDecisionEntry;
import io.claribi.catalog.entity.VendorSource;
import java.time.Instant;

/** One entry of a tool's decision history. */
public record DecisionView(
    Decision decision,
    String fingerprint,
    VendorSource source,
    String decidedBy,
    Instant decidedAt,
    String reason) {

  static DecisionView of(ToolDecisionEntry entry) {
    return new DecisionView(
        entry.decision(),
        entry.fingerprint(),
        entry.source(),
        entry.decidedBy(),
        entry.decidedAt(),
        entry.reason());
  }
}
