package io.claribi.audit.boundary.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claribi.audit.control.EventFilter;
import io.claribi.platform.api.AuditEventType;
import io.claribi.platform.api.ProblemException;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AuditFilterFormTest {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId UTC = ZoneId.of("UTC");

  private final AuditFilterForm cut = new AuditFilterForm();

  @Test
  void from_and_to_are_whole_days_of_the_chosen_zone_both_included() {
    cut.setFrom("2026-12-01");
    cut.setTo("2026-12-05");

    EventFilter filter = cut.filter(NEW_YORK);

    assertThat(filter.from())
        .as("midnight in New York")
        .isEqualTo(Instant.parse("2026-12-01T05:00:00Z"));
    assertThat(filter.to())
        .as("the end of 5 December in New York, exclusive")
        .isEqualTo(Instant.parse("2026-12-06T05:00:00Z"));
  }

  @Test
  void the_same_days_in_utc_and_across_a_daylight_saving_change() {
    cut.setFrom("2026-11-01");
    cut.setTo("2026-11-01");

    assertThat(cut.filter(UTC).from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(cut.filter(UTC).to()).isEqualTo(Instant.parse("2026-11-02T00:00:00Z"));
    EventFilter newYork = cut.filter(NEW_YORK);
    assertThat(newYork.from()).as("still EDT").isEqualTo(Instant.parse("2026-11-01T04:00:00Z"));
    assertThat(newYork.to()).as("EST by then").isEqualTo(Instant.parse("2026-11-02T05:00:00Z"));
  }

  @Test
  void one_day_from_and_to_is_that_whole_day() {
    cut.setFrom("2026-12-05");
    cut.setTo("2026-12-05");

    EventFilter filter = cut.filter(UTC);

    assertThat(filter.from()).isEqualTo(Instant.parse("2026-12-05T00:00:00Z"));
    assertThat(filter.to()).isEqualTo(Instant.parse("2026-12-06T00:00:00Z"));
  }

  @Test
  void the_rest_reads_as_the_api_reads_it() {
    cut.setConnection(" c-1 ");
    cut.setVendor("acme-payments");
    cut.setType("CONNECTION_USED");
    cut.setActor("user@acme");

    EventFilter filter = cut.filter(UTC);

    assertThat(filter.connection()).isEqualTo("c-1");
    assertThat(filter.vendor()).isEqualTo("acme-payments");
    assertThat(filter.types()).containsExactly(AuditEventType.CONNECTION_USED);
    assertThat(filter.actor()).isEqualTo("user@acme");
  }

  @Test
  void empty_fields_and_any_type_select_everything() {
    cut.setFrom("");
    cut.setTo("  ");
    cut.setConnection("");
    cut.setType("");

    assertThat(cut.filter(NEW_YORK)).isEqualTo(EventFilter.ALL);
  }

  @Test
  void a_day_typed_another_way_gets_a_message_in_words_without_offsets() {
    for (String typed :
        new String[] {"12/05/2026", "yesterday", "2026-12-05T10:00Z", "2026-13-01"}) {
      cut.setFrom(typed);
      assertThatThrownBy(() -> cut.filter(UTC))
          .as(typed)
          .isInstanceOfSatisfying(
              ProblemException.class,
              p -> {
                assertThat(p.code()).isEqualTo("INVALID_TIME");
                assertThat(p.detail())
                    .startsWith("From is not a day")
                    .contains("2026-12-05")
                    .doesNotContainIgnoringCase("offset")
                    .doesNotContain("ISO");
              });
    }
  }

  @Test
  void from_after_to_and_a_malformed_id_are_refused() {
    cut.setFrom("2026-11-25");
    cut.setTo("2026-11-24");
    assertThatThrownBy(() -> cut.filter(UTC))
        .isInstanceOfSatisfying(
            ProblemException.class,
            p -> {
              assertThat(p.code()).isEqualTo("INVALID_TIME_RANGE");
              assertThat(p.detail()).isEqualTo("the From day must not be after the To day.");
            });

    cut.setFrom(null);
    cut.setConnection("a b");
    assertThatThrownBy(() -> cut.filter(UTC))
        .isInstanceOfSatisfying(
            ProblemException.class, p -> assertThat(p.code()).isEqualTo("INVALID_PARAMETER"));
  }

  @Test
  void the_trailer_names_the_selection_as_the_equivalent_api_query_in_utc() {
    cut.setFrom("2026-11-24");
    cut.setConnection("c-1");
    cut.setActor("a b&c");

    assertThat(cut.query("csv", NEW_YORK))
        .isEqualTo("format=csv&from=2026-11-24T05%3A00%3A00Z&connection=c-1&actor=a+b%26c");
  }

  @Test
  void newest_first_unless_oldest_is_asked_for() {
    assertThat(cut.getOrder()).isEqualTo("newest");
    cut.setOrder("oldest");
    assertThat(cut.getOrder()).isEqualTo("oldest");
    cut.setOrder("sideways");
    assertThat(cut.getOrder()).isEqualTo("newest");
    cut.setOrder(null);
    assertThat(cut.getOrder()).isEqualTo("newest");
  }

  @Test
  void only_offered_page_sizes_are_kept() {
    cut.setSize("10");
    assertThat(cut.getPageSize()).isEqualTo(10);
    cut.setSize("100000");
    assertThat(cut.getPageSize()).isEqualTo(AuditFilterForm.DEFAULT_PAGE_SIZE);
    cut.setSize("ten");
    assertThat(cut.getSize()).isEqualTo("25");
    cut.setSize(null);
    assertThat(cut.getSize()).isEqualTo("25");
  }
}
