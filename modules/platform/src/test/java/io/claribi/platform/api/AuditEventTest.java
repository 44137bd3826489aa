package io.claribi.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditEventTest {

  @Test
  void carries_only_the_details_its_type_declares() {
    AuditEvent used =
        AuditEvent.forConnection(
            AuditEventType.CONNECTION_USED,
            "c-1",
            "stripe",
            Map.of("tool", "list_invoices", "outcome", "OK", "durationMs", "12"));

    assertThat(used.details()).containsOnlyKeys("durationMs", "outcome", "tool");
    assertThatThrownBy(
            () ->
                AuditEvent.forConnection(
                    AuditEventType.CONNECTION_USED,
                    "c-1",
                    "stripe",
                    Map.of("arguments", "{\"customer\":\"cus_1\"}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not record 'arguments'");
  }

  @Test
  void connection_events_need_a_connection_and_a_vendor() {
    assertThatThrownBy(
            () -> AuditEvent.forVendor(AuditEventType.CONNECTION_DISCONNECTED, "stripe", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuditEvent.of(AuditEventType.TOOL_CALL_BLOCKED, Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new AuditEvent(AuditEventType.PLAN_CHANGED, "c-1", null, new java.util.TreeMap<>()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(AuditEvent.forVendor(AuditEventType.TOOL_CALL_BLOCKED, "stripe", Map.of()))
        .extracting(AuditEvent::connection)
        .isNull();
  }

  @Test
  void identifiers_and_detail_sizes_are_bounded() {
    assertThatThrownBy(
            () ->
                AuditEvent.forConnection(
                    AuditEventType.CONNECTION_CREATED, "c 1", "stripe", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                AuditEvent.of(
                    AuditEventType.PLAN_CHANGED,
                    Map.of("reason", "x".repeat(AuditEvent.MAX_DETAIL_LENGTH + 1))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void details_cannot_be_changed_after_firing() {
    AuditEvent event = AuditEvent.of(AuditEventType.PLAN_CHANGED, Map.of("to", "FREE"));

    assertThatThrownBy(() -> event.details().put("to", "ENTERPRISE"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
