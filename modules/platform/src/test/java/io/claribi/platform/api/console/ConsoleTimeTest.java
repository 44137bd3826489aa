package io.claribi.platform.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ConsoleTimeTest {

  private static final Instant WINTER = Instant.parse("2026-12-05T19:03:27.123Z");
  private static final Instant SUMMER = Instant.parse("2026-07-05T19:03:00Z");

  @Test
  void an_iana_zone_id_is_taken() {
    assertThat(ConsoleTime.zoneOf("America/New_York")).isEqualTo(ZoneId.of("America/New_York"));
    assertThat(ConsoleTime.zoneOf("Asia/Tokyo")).isEqualTo(ZoneId.of("Asia/Tokyo"));
    assertThat(ConsoleTime.zoneOf("UTC")).isEqualTo(ConsoleTime.UTC);
  }

  @Test
  void a_missing_unknown_or_odd_zone_is_utc() {
    assertThat(ConsoleTime.zoneOf(null)).isEqualTo(ConsoleTime.UTC);
    assertThat(ConsoleTime.zoneOf("")).isEqualTo(ConsoleTime.UTC);
    assertThat(ConsoleTime.zoneOf("Mars/Olympus_Mons")).isEqualTo(ConsoleTime.UTC);
    assertThat(ConsoleTime.zoneOf("+05:00")).isEqualTo(ConsoleTime.UTC);
    assertThat(ConsoleTime.zoneOf("EST"))
        .as("an abbreviation, not a region")
        .isEqualTo(ConsoleTime.UTC);
    assertThat(ConsoleTime.zoneOf("america/new_york")).isEqualTo(ConsoleTime.UTC);
    assertThat(ConsoleTime.zoneOf("America/New_York\r\nSet-Cookie: x")).isEqualTo(ConsoleTime.UTC);
    assertThat(ConsoleTime.zoneOf("A".repeat(100))).isEqualTo(ConsoleTime.UTC);
  }

  @Test
  void a_time_is_shown_in_the_zone_with_its_abbreviation_and_kept_in_utc() {
    ConsoleTime cut = new ConsoleTime(ZoneId.of("America/New_York"));

    assertThat(cut.local(WINTER)).isEqualTo("5 Dec 2026, 14:03 EST");
    assertThat(cut.local(SUMMER)).isEqualTo("5 Jul 2026, 15:03 EDT");
    assertThat(cut.iso(WINTER)).isEqualTo("2026-12-05T19:03:27Z");
    assertThat(cut.utc(WINTER)).isEqualTo("2026-12-05 19:03:27 UTC");
    assertThat(cut.getZoneId()).isEqualTo("America/New_York");
    assertThat(cut.getZoneName()).isEqualTo("America/New_York (Eastern Time)");
  }

  @Test
  void utc_is_the_default_and_reads_as_utc() {
    ConsoleTime cut = new ConsoleTime(ConsoleTime.zoneOf(null));

    assertThat(cut.local(WINTER)).isEqualTo("5 Dec 2026, 19:03 UTC");
    assertThat(cut.getZoneId()).isEqualTo("UTC");
    assertThat(cut.getZoneName()).isEqualTo("UTC");
  }

  @Test
  void no_time_is_no_text() {
    ConsoleTime cut = new ConsoleTime(ConsoleTime.UTC);

    assertThat(cut.local(null)).isEmpty();
    assertThat(cut.iso(null)).isEmpty();
    assertThat(cut.utc(null)).isEmpty();
  }
}
