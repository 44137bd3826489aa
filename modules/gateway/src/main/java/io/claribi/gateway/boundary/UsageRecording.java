package io.claribi.gateway.boundary;

import io.claribi.platform.api.AuditEvent;
import io.claribi.platform.api.AuditEventType;
import io.claribi.platform.api.AuditText;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The usage record of one vendor exchange. {@code calledAt} is when the call was sent: the record
 * joins the trail a moment later, so its own time can follow a disconnect that the call preceded.
 */
public final class UsageRecording {

  private UsageRecording() {}

  static AuditEvent event(
      String source, String vendor, String what, String outcome, Duration took, Instant calledAt) {
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
            Long.toString(took.toMillis()),
            "calledAt",
            calledAt.toString()));
  }
}
