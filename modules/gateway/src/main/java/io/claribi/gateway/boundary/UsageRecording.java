package io.claribi.gateway.boundary;

import io.claribi.platform.api.AuditEvent;
import io.claribi.platform.api.AuditEventType;
import io.claribi.platform.api.AuditText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Map;

/** The usage record of one vendor exchange, and writing it now when it cannot be deferred. */
@ApplicationScoped
public class UsageRecording {

  @Inject Event<AuditEvent> audit;

  static AuditEvent event(
      String source, String vendor, String what, String outcome, Duration took) {
    return AuditEvent.forConnection(
        AuditEventType.CONNECTION_USED,
        source,
        vendor,
        Map.of(
            "tool",
            AuditText.visible(what),
            "outcome",
            outcome,
            "durationMs",
            Long.toString(took.toMillis())));
  }

  /** In the caller's request, bound to its organization, in a transaction of its own. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void record(AuditEvent used) {
    audit.fire(used);
  }
}
