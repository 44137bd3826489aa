package io.claribi.catalog.boundary.console;

import static io.claribi.catalog.boundary.console.ReviewRowsTest.tool;
import static io.claribi.catalog.boundary.console.ReviewRowsTest.vendor;
import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.catalog.entity.ToolState;
import io.claribi.catalog.entity.VendorState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The review queue's filter from the address, and where the page goes after a decision. */
class QueueNavigationTest {

  private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

  private static final QueuedTool NEW =
      QueuedTool.of(vendor(VendorState.ACTIVE), tool("list_payouts", ToolState.PENDING_REVIEW, T0));
  private static final QueuedTool CHANGED =
      QueuedTool.of(
          vendor(VendorState.ACTIVE), tool("list_invoices", ToolState.CHANGED_SINCE_APPROVAL, T0));

  @Test
  void no_filter_keeps_every_tool_and_its_address_names_only_the_tool() {
    QueueFilter cut = QueueFilter.of(null, " ");

    assertThat(cut.narrows()).isFalse();
    assertThat(cut.unknownState()).isFalse();
    assertThat(cut.keeps(NEW)).isTrue();
    assertThat(cut.keeps(CHANGED)).isTrue();
    assertThat(cut.query(Optional.empty())).isEmpty();
    assertThat(cut.query(Optional.of("acme-payments/list_payouts")))
        .isEqualTo("tool=acme-payments%2Flist_payouts");
  }

  @Test
  void a_vendor_and_a_state_narrow_the_queue_and_stay_in_every_address() {
    QueueFilter cut = QueueFilter.of("acme-payments", "Changed");

    assertThat(cut.narrows()).isTrue();
    assertThat(cut.keeps(CHANGED)).isTrue();
    assertThat(cut.keeps(NEW)).isFalse();
    assertThat(QueueFilter.of("acme-payments", "new").keeps(NEW)).isTrue();
    assertThat(QueueFilter.of("stripe", null).keeps(NEW)).isFalse();
    assertThat(cut.query(Optional.of("acme-payments/list_invoices")))
        .isEqualTo("vendor=acme-payments&state=changed&tool=acme-payments%2Flist_invoices");
  }

  @Test
  void an_unknown_state_narrows_nothing_and_is_said() {
    QueueFilter cut = QueueFilter.of("", "<b>all</b>");

    assertThat(cut.unknownState()).isTrue();
    assertThat(cut.state()).isEmpty();
    assertThat(cut.keeps(NEW)).isTrue();
    assertThat(cut.query(Optional.empty())).isEmpty();
  }

  @Test
  void a_vendor_id_with_odd_characters_is_encoded() {
    assertThat(QueueFilter.of("a&b=c d", null).query(Optional.of("a&b=c d/x y")))
        .isEqualTo("vendor=a%26b%3Dc+d&tool=a%26b%3Dc+d%2Fx+y");
  }

  @Test
  void the_position_is_the_tool_asked_for_or_the_first() {
    List<String> queue = List.of("v/a", "v/b", "v/c");

    assertThat(QueuePosition.of(queue, "v/b")).isEqualTo(1);
    assertThat(QueuePosition.of(queue, "v/x")).isZero();
    assertThat(QueuePosition.of(queue, null)).isZero();
    assertThat(QueuePosition.of(List.of(), "v/a")).isZero();
  }

  @Test
  void after_a_decision_the_next_tool_of_the_same_queue_not_the_first() {
    List<String> before = List.of("v/a", "v/b", "v/c", "v/d");

    assertThat(QueuePosition.afterDecision(before, "v/b", List.of("v/a", "v/c", "v/d")))
        .hasValue("v/c");
  }

  @Test
  void after_the_last_tool_the_one_before_it() {
    List<String> before = List.of("v/a", "v/b", "v/c");

    assertThat(QueuePosition.afterDecision(before, "v/c", List.of("v/a", "v/b"))).hasValue("v/b");
  }

  @Test
  void tools_decided_meanwhile_by_someone_else_are_skipped() {
    List<String> before = List.of("v/a", "v/b", "v/c", "v/d");

    assertThat(QueuePosition.afterDecision(before, "v/b", List.of("v/a", "v/d"))).hasValue("v/d");
    assertThat(QueuePosition.afterDecision(before, "v/d", List.of("v/b"))).hasValue("v/b");
  }

  @Test
  void a_queue_that_changed_entirely_starts_at_its_first_tool_and_an_empty_one_nowhere() {
    List<String> before = List.of("v/a", "v/b");

    assertThat(QueuePosition.afterDecision(before, "v/a", List.of("w/x", "w/y"))).hasValue("w/x");
    assertThat(QueuePosition.afterDecision(before, "v/a", List.of())).isEmpty();
    assertThat(QueuePosition.afterDecision(List.of(), "v/a", List.of("v/a", "v/b")))
        .hasValue("v/b");
  }

  @Test
  void the_filter_in_words_names_the_vendor_as_the_queue_does() {
    List<QueuedTool> queue = List.of(NEW, CHANGED);

    assertThat(QueueFilter.of(null, null).describe(queue)).isEqualTo("tools");
    assertThat(QueueFilter.of("acme-payments", "new").describe(queue))
        .isEqualTo("new tools of Acme Payments (demo)");
    assertThat(QueueFilter.of("gone", "changed").describe(queue))
        .isEqualTo("tools changed since approval of gone");
  }

  @Test
  void the_vendor_options_count_each_vendors_waiting_tools_and_keep_the_selected_one() {
    assertThat(VendorOption.of(List.of(NEW, CHANGED), ""))
        .singleElement()
        .satisfies(
            option -> {
              assertThat(option.getId()).isEqualTo("acme-payments");
              assertThat(option.getLabel()).isEqualTo("Acme Payments (demo) (2)");
              assertThat(option.isSelected()).isFalse();
            });
    assertThat(VendorOption.of(List.of(NEW), "gone"))
        .extracting(VendorOption::getLabel, VendorOption::isSelected)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Acme Payments (demo) (1)", false),
            org.assertj.core.groups.Tuple.tuple("gone (0)", true));
  }
}
