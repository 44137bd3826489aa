package io.claribi.connections.boundary;

import io.claribi.platform.api.AuditEvent;
import io.claribi.platform.api.AuditEventType;
import io.claribi.platform.api.ConnectionId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Map;

/** Records each vendor exchange in the organization's audit trail, after it happened. */
@ApplicationScoped
public class UsageRecording {

  @Inject Event<AuditEvent> audit;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void used(
      ConnectionId connection, String vendor, String what, String outcome, Duration took) {
    audit.fire(
        AuditEvent.forConnection(
            AuditEventType.CONNECTION_USED,
            connection.toString(),
            vendor,
            Map.of(
                "tool",
                AuditText.visible(what),
                "outcome",
                outcome,
                "durationMs",
                Long.toString(took.toMillis()))));
  }
}
