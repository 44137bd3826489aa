package io.claribi.audit.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claribi.audit.control.EventFilter;
import io.claribi.platform.api.AuditEventType;
import io.claribi.platform.api.ProblemException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditQueryTest {

  @Test
  void reads_every_filter() {
    EventFilter filter =
        AuditQuery.filter(
            "2026-11-01",
            "2026-11-24T10:00:00+01:00",
            "c-1",
            "stripe",
            List.of("CONNECTION_USED,PLAN_CHANGED", "TOOL_CALL_BLOCKED"),
            "user@acme");

    assertThat(filter.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(filter.to()).isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
    assertThat(filter.types())
        .containsExactlyInAnyOrder(
            AuditEventType.CONNECTION_USED,
            AuditEventType.PLAN_CHANGED,
            AuditEventType.TOOL_CALL_BLOCKED);
    assertThat(filter.isContiguous()).isFalse();
  }

  @Test
  void absent_filters_select_everything() {
    EventFilter filter = AuditQuery.filter(null, "", null, "", null, null);

    assertThat(filter).isEqualTo(EventFilter.ALL);
    assertThat(filter.isContiguous()).isTrue();
  }

  @Test
  void each_bad_parameter_has_its_code() {
    assertCode(() -> AuditQuery.filter("yesterday", null, null, null, null, null), "INVALID_TIME");
    assertCode(
        () -> AuditQuery.filter("2026-11-24T10:00:00", null, null, null, null, null),
        "INVALID_TIME");
    assertCode(
        () -> AuditQuery.filter("2026-11-25", "2026-11-24", null, null, null, null),
        "INVALID_TIME_RANGE");
    assertCode(
        () -> AuditQuery.filter(null, null, null, null, List.of("CONNECTION_HACKED"), null),
        "UNKNOWN_EVENT_TYPE");
    assertCode(
        () -> AuditQuery.filter(null, null, "../etc", null, null, null), "INVALID_PARAMETER");
    assertCode(() -> AuditQuery.filter(null, null, null, null, null, "a\nb"), "INVALID_PARAMETER");
    assertCode(() -> AuditQuery.format("xml"), "UNKNOWN_FORMAT");
    assertCode(() -> AuditQuery.limit("0"), "INVALID_PARAMETER");
    assertCode(() -> AuditQuery.limit("1001"), "INVALID_PARAMETER");
    assertCode(() -> AuditQuery.after("-1"), "INVALID_PARAMETER");
    assertCode(() -> AuditQuery.after("x"), "INVALID_PARAMETER");
    assertCode(() -> AuditQuery.requiredTime("from", null), "INVALID_TIME");
    assertCode(() -> AuditQuery.newestFirst("desc", null, null, false), "INVALID_PARAMETER");
    assertCode(() -> AuditQuery.newestFirst("newest", "5", null, false), "INVALID_PARAMETER");
    assertCode(() -> AuditQuery.newestFirst(null, null, "5", false), "INVALID_PARAMETER");
    assertCode(() -> AuditQuery.newestFirst("newest", null, null, true), "INVALID_PARAMETER");
    assertCode(() -> AuditQuery.before("0"), "INVALID_PARAMETER");
    assertCode(() -> AuditQuery.before("x"), "INVALID_PARAMETER");
  }

  @Test
  void oldest_first_unless_asked_each_order_with_its_own_cursor() {
    assertThat(AuditQuery.newestFirst(null, null, null, false)).isFalse();
    assertThat(AuditQuery.newestFirst("oldest", "12", "", false)).isFalse();
    assertThat(AuditQuery.newestFirst("oldest", null, null, true)).isFalse();
    assertThat(AuditQuery.newestFirst("newest", "", "12", false)).isTrue();
    assertThat(AuditQuery.before(null)).as("the newest page").isEqualTo(Long.MAX_VALUE);
    assertThat(AuditQuery.before("12")).isEqualTo(12);
  }

  private static void assertCode(Runnable call, String code) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ProblemException.class,
            p -> {
              assertThat(p.code()).isEqualTo(code);
              assertThat(p.status()).isEqualTo(400);
            });
  }
}
