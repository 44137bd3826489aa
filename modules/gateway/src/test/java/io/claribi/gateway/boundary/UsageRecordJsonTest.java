package io.claribi.gateway.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.platform.api.AuditText;
import io.claribi.platform.api.DeferredAuditEvent;
import io.claribi.platform.api.OrganizationId;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UsageRecordJsonTest {

  @Test
  void a_record_with_any_character_is_kept_as_printable_ascii_and_reads_back_the_same() {
    DeferredAuditEvent record =
        new DeferredAuditEvent(
            new OrganizationId("acme"),
            "mallory\u0000 Zoë \ud83d\ude00",
            "req-12345678",
            null,
            UsageRecording.event(
                "c-1", "demo", "list\u200bcustomers", "OK", Duration.ZERO, Instant.EPOCH));

    String json = UsageRecordJson.encode(record);

    assertThat(json.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
    assertThat(json).contains("mallory\\u0000");
    assertThat(UsageRecordJson.decode(json)).isEqualTo(record);
  }

  @Test
  void the_reason_names_the_innermost_cause_and_its_sql_state_in_visible_text() {
    RuntimeException failure =
        new IllegalStateException(
            "wrapper",
            new RuntimeException(new SQLException("duplicate key\u0000 value", "23505")));

    String reason = SetAsideUsageRecords.reason(failure);

    assertThat(reason)
        .isEqualTo("SQLException (SQL state 23505): duplicate key\\u0000 value")
        .hasSizeLessThanOrEqualTo(AuditText.MAX);
  }
}
