package io.claribi.gateway.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.platform.api.AuditEvent;
import io.claribi.platform.api.AuditEventType;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.DeferredAuditEvent;
import io.claribi.platform.api.OrganizationId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LastCallsTest {

  private static final Instant T = Instant.parse("2026-12-06T10:00:00Z");

  @Test
  void one_time_per_connection_the_latest_call_whatever_the_order() {
    String a = UUID.randomUUID().toString();
    String b = UUID.randomUUID().toString();

    Map<ConnectionId, Instant> cut =
        LastCalls.of(
            List.of(
                used(a, "acme-payments", T.plusSeconds(5)),
                used(a, "acme-payments", T),
                used(b, "acme-payments", T.plusSeconds(1))));

    assertThat(cut)
        .containsOnly(
            Map.entry(new ConnectionId(UUID.fromString(a)), T.plusSeconds(5)),
            Map.entry(new ConnectionId(UUID.fromString(b)), T.plusSeconds(1)));
  }

  @Test
  void uploads_and_other_events_keep_no_time() {
    Map<ConnectionId, Instant> cut =
        LastCalls.of(
            List.of(
                used(UUID.randomUUID().toString(), "upload", T),
                record(
                    AuditEvent.forVendor(
                        AuditEventType.TOOL_CALL_BLOCKED,
                        "acme-payments",
                        Map.of("tool", "x", "reason", "y")))));

    assertThat(cut).isEmpty();
  }

  private static DeferredAuditEvent used(String connection, String vendor, Instant at) {
    return record(
        UsageRecording.event(connection, vendor, "list_customers", "OK", Duration.ofMillis(3), at));
  }

  private static DeferredAuditEvent record(AuditEvent event) {
    return new DeferredAuditEvent(new OrganizationId("acme"), "acme-admin", "r1", null, event);
  }
}
