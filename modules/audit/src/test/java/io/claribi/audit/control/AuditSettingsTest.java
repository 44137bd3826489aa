package io.claribi.audit.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Period;
import org.junit.jupiter.api.Test;

class AuditSettingsTest {

  @Test
  void keeps_events_forever_by_default() {
    assertThat(AuditSettings.parse("forever")).isEmpty();
    assertThat(AuditSettings.parse(" FOREVER ")).isEmpty();
    assertThat(AuditSettings.parse("")).isEmpty();
  }

  @Test
  void reads_an_iso_period() {
    assertThat(AuditSettings.parse("P400D")).contains(Period.ofDays(400));
    assertThat(AuditSettings.parse("P7Y")).contains(Period.ofYears(7));
  }

  @Test
  void refuses_anything_else() {
    assertThatThrownBy(() -> AuditSettings.parse("30 days"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(AuditSettings.RETENTION);
    assertThatThrownBy(() -> AuditSettings.parse("P0D")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> AuditSettings.parse("P-1D")).isInstanceOf(IllegalStateException.class);
  }
}
