package io.claribi.audit.boundary.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claribi.audit.control.EventFilter;
import io.claribi.platform.api.AuditEventType;
import io.claribi.platform.api.ProblemException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditFilterFormTest {

  private final AuditFilterForm cut = new AuditFilterForm();

  @Test
  void a_time_without_offset_is_utc_and_the_rest_reads_as_the_api_reads_it() {
    cut.setFrom("2026-11-24T10:00");
    cut.setTo("2026-11-25 08:30:15");
    cut.setConnection(" c-1 ");
    cut.setVendor("acme-payments");
    cut.setType("CONNECTION_USED");
    cut.setActor("user@acme");

    EventFilter filter = cut.filter();

    assertThat(filter.from()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
    assertThat(filter.to()).isEqualTo(Instant.parse("2026-11-25T08:30:15Z"));
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

    assertThat(cut.filter()).isEqualTo(EventFilter.ALL);
  }

  @Test
  void dates_and_offsets_go_as_typed() {
    assertThat(AuditFilterForm.utc("2026-11-24")).isEqualTo("2026-11-24");
    assertThat(AuditFilterForm.utc("2026-11-24T10:00+01:00")).isEqualTo("2026-11-24T10:00+01:00");
    assertThat(AuditFilterForm.utc("yesterday")).isEqualTo("yesterday");
  }

  @Test
  void invalid_filters_are_the_apis_problems() {
    cut.setFrom("2026-11-25");
    cut.setTo("2026-11-24");
    assertThatThrownBy(cut::filter)
        .isInstanceOfSatisfying(
            ProblemException.class, p -> assertThat(p.code()).isEqualTo("INVALID_TIME_RANGE"));

    cut.setTo(null);
    cut.setFrom("yesterday");
    assertThatThrownBy(cut::filter)
        .isInstanceOfSatisfying(
            ProblemException.class, p -> assertThat(p.code()).isEqualTo("INVALID_TIME"));

    cut.setFrom(null);
    cut.setConnection("a b");
    assertThatThrownBy(cut::filter)
        .isInstanceOfSatisfying(
            ProblemException.class, p -> assertThat(p.code()).isEqualTo("INVALID_PARAMETER"));
  }

  @Test
  void the_trailer_names_the_selection_as_the_equivalent_api_query() {
    cut.setFrom("2026-11-24T10:00");
    cut.setConnection("c-1");
    cut.setActor("a b&c");

    assertThat(cut.query("csv"))
        .isEqualTo("format=csv&from=2026-11-24T10%3A00Z&connection=c-1&actor=a+b%26c");
  }

  @Test
  void only_offered_page_sizes_are_kept() {
    cut.setPageSize(10);
    assertThat(cut.getPageSize()).isEqualTo(10);
    cut.setPageSize(100_000);
    assertThat(cut.getPageSize()).isEqualTo(AuditFilterForm.DEFAULT_PAGE_SIZE);
  }
}
