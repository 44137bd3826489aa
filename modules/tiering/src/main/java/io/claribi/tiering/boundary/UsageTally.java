package io.claribi.tiering.boundary;

import io.claribi.platform.api.AuditEvent;
import io.claribi.platform.api.AuditEventType;
import io.claribi.platform.api.DeferredAuditEvent;
import io.claribi.tiering.control.ToolCallTallies;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Counts each tool call into its day, connection and tool as its usage record joins the audit trail
 * (decision 0057), in the same transaction: a record is counted exactly when it is chained, once.
 * It observes after the trail (a later priority), whose append has then locked the organization's
 * chain head, so two relays never count the same row at the same time.
 */
@ApplicationScoped
public class UsageTally {

  @Inject ToolCallTallies tallies;

  @Transactional(Transactional.TxType.MANDATORY)
  public void count(
      @Observes @Priority(Interceptor.Priority.APPLICATION + 600) DeferredAuditEvent deferred) {
    AuditEvent event = deferred.event();
    if (event.type() != AuditEventType.CONNECTION_USED) {
      return;
    }
    tallies.countOne(
        dayOf(event.details().get("calledAt")),
        event.connection(),
        event.vendor(),
        event.details().getOrDefault("tool", "?"));
  }

  /** The UTC day the call was sent; a record without a readable time counts on today. */
  static LocalDate dayOf(String calledAt) {
    Instant at;
    try {
      at = calledAt == null ? Instant.now() : Instant.parse(calledAt);
    } catch (DateTimeParseException unreadable) {
      at = Instant.now();
    }
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }
}
