package io.claribi.gateway.boundary;

import io.claribi.platform.api.AuditEvent;
import io.claribi.platform.api.AuditEventType;
import io.claribi.platform.api.AuditText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * A refused tool call's audit record ({@code TOOL_CALL_BLOCKED}), written in the admission's
 * transaction whatever the source: a connection's vendor or an upload.
 */
@ApplicationScoped
class BlockedCalls {

  @Inject Event<AuditEvent> audit;

  /**
   * @param source the connection's or upload's id
   * @param reason why, as the allowlist names it (e.g. {@code UNKNOWN_TOOL}, {@code DENIED})
   */
  void record(String source, String vendor, String tool, String reason) {
    audit.fire(
        AuditEvent.forConnection(
            AuditEventType.TOOL_CALL_BLOCKED,
            source,
            vendor,
            Map.of("tool", AuditText.visible(tool), "reason", reason)));
  }
}
