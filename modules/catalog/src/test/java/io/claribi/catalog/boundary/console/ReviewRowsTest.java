package io.claribi.catalog.boundary.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.catalog.api.VendorKind;
import io.claribi.catalog.boundary.ToolView;
import io.claribi.catalog.boundary.VendorView;
import io.claribi.catalog.entity.Decision;
import io.claribi.catalog.entity.ToolState;
import io.claribi.catalog.entity.VendorSource;
import io.claribi.catalog.entity.VendorState;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the operator's console pages make of the catalog's views. */
class ReviewRowsTest {

  private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

  static VendorView vendor(VendorState state) {
    return new VendorView(
        "acme-payments",
        "Acme Payments (demo)",
        VendorKind.MCP,
        "http://localhost/mcp",
        List.of("openid", "payments:read"),
        List.of("payments"),
        true,
        state,
        VendorSource.OPERATOR,
        "operator",
        T0,
        "added",
        1,
        null,
        null);
  }

  static ToolView tool(String name, ToolState state, Instant firstSeen) {
    return tool(name, state, firstSeen, null);
  }

  static ToolView tool(
      String name, ToolState state, Instant firstSeen, ToolView.Approved approved) {
    boolean decided = state != ToolState.PENDING_REVIEW;
    return new ToolView(
        name,
        "Title of " + name,
        "<b>" + name + "</b>",
        ToolView.parsed("{\"type\":\"object\",\"properties\":{}}"),
        ToolView.Annotations.of("{\"readOnlyHint\":true}"),
        "f".repeat(64),
        state != ToolState.NO_LONGER_LISTED,
        firstSeen,
        firstSeen,
        state,
        decided ? (state == ToolState.DENIED ? Decision.DENY : Decision.ALLOW) : null,
        decided ? VendorSource.OPERATOR : null,
        decided ? "alice" : null,
        decided ? T0 : null,
        decided ? "reviewed" : null,
        state == ToolState.CHANGED_SINCE_APPROVAL ? "a".repeat(64) : null,
        approved);
  }

  @Test
  void a_changed_tool_shows_the_approved_fingerprint_and_the_allow_it_changed_after() {
    QueuedTool cut = QueuedTool.of(vendor(VendorState.ACTIVE), tool("list_payouts", changed(), T0));

    assertThat(cut.isChanged()).isTrue();
    assertThat(cut.getApprovedFingerprint()).isEqualTo("a".repeat(64));
    assertThat(cut.getFingerprint()).isEqualTo("f".repeat(64));
    assertThat(cut.getAllowedBy()).isEqualTo("alice");
    assertThat(cut.getAllowedAt()).isEqualTo(T0);
    assertThat(cut.getAllowReason()).isEqualTo("reviewed");
    assertThat(cut.getKey()).isEqualTo("acme-payments/list_payouts");
    assertThat(cut.getHints()).containsExactly("readOnlyHint: true");
    assertThat(cut.getSchema()).contains("\"type\": \"object\"").contains("\n");
    assertThat(cut.getDescription()).isEqualTo("<b>list_payouts</b>");
  }

  @Test
  void a_changed_tool_shows_each_changed_field_approved_and_now_and_names_the_unchanged() {
    ToolView.Approved approved =
        new ToolView.Approved(
            "Title of list_payouts",
            "<i>old</i> text",
            ToolView.parsed("{\"properties\":{},\"type\":\"object\"}"),
            ToolView.Annotations.of("{\"readOnlyHint\":false}"));
    QueuedTool cut =
        QueuedTool.of(vendor(VendorState.ACTIVE), tool("list_payouts", changed(), T0, approved));

    assertThat(cut.isApprovedKept()).isTrue();
    assertThat(cut.getChanges())
        .extracting(FieldChange::getField, FieldChange::getApproved, FieldChange::getNow)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Description", "<i>old</i> text", "<b>list_payouts</b>"),
            org.assertj.core.groups.Tuple.tuple(
                "Annotations", "readOnlyHint: false", "readOnlyHint: true"));
    assertThat(cut.getChanges().get(1).isJson()).isTrue();
    assertThat(cut.getUnchanged())
        .as("the schema differs in key order only")
        .isEqualTo("Title, Input schema");
  }

  @Test
  void a_changed_schema_is_shown_pretty_printed() {
    ToolView.Approved approved =
        new ToolView.Approved(
            "Title of list_payouts",
            "<b>list_payouts</b>",
            ToolView.parsed("{\"type\":\"string\"}"),
            ToolView.Annotations.of("{\"readOnlyHint\":true}"));
    QueuedTool cut =
        QueuedTool.of(vendor(VendorState.ACTIVE), tool("list_payouts", changed(), T0, approved));

    assertThat(cut.getChanges()).hasSize(1);
    FieldChange schema = cut.getChanges().get(0);
    assertThat(schema.getField()).isEqualTo("Input schema");
    assertThat(schema.getApproved()).contains("\"type\": \"string\"").contains("\n");
    assertThat(schema.getNow()).contains("\"type\": \"object\"");
    assertThat(schema.getLines())
        .filteredOn(l -> l.kind() != LineDiff.Kind.SAME)
        .extracting(LineDiff.Line::getSign, LineDiff.Line::getText)
        .contains(
            org.assertj.core.groups.Tuple.tuple("−", "    \"type\": \"string\""),
            org.assertj.core.groups.Tuple.tuple("+", "    \"type\": \"object\","));
    assertThat(cut.getUnchanged()).isEqualTo("Title, Description, Annotations");
  }

  @Test
  void an_allow_from_before_the_text_was_kept_shows_no_comparison() {
    QueuedTool cut = QueuedTool.of(vendor(VendorState.ACTIVE), tool("list_payouts", changed(), T0));

    assertThat(cut.isApprovedKept()).isFalse();
    assertThat(cut.getChanges()).isEmpty();
  }

  @Test
  void a_new_tool_has_no_approval_to_show() {
    QueuedTool cut =
        QueuedTool.of(vendor(VendorState.ACTIVE), tool("create_refund", pending(), T0));

    assertThat(cut.isChanged()).isFalse();
    assertThat(cut.getApprovedFingerprint()).isEmpty();
    assertThat(cut.getAllowedBy()).isEmpty();
    assertThat(cut.getStateLabel()).isEqualTo("Awaiting review");
  }

  @Test
  void only_pending_and_changed_tools_need_a_decision() {
    assertThat(
            Stream.of(ToolState.values()).filter(s -> QueuedTool.needsDecision(tool("t", s, T0))))
        .containsExactlyInAnyOrder(ToolState.PENDING_REVIEW, ToolState.CHANGED_SINCE_APPROVAL);
  }

  @Test
  void the_queue_is_oldest_first_then_by_vendor_and_name() {
    VendorView vendor = vendor(VendorState.ACTIVE);
    List<String> order =
        Stream.of(
                QueuedTool.of(vendor, tool("b", pending(), T0.plusSeconds(60))),
                QueuedTool.of(vendor, tool("z", changed(), T0)),
                QueuedTool.of(vendor, tool("a", pending(), T0.plusSeconds(60))))
            .sorted(QueuedTool.OLDEST_FIRST)
            .map(QueuedTool::getName)
            .toList();

    assertThat(order).containsExactly("z", "a", "b");
  }

  @Test
  void a_vendor_counts_its_tools_by_state_and_marks_retirement() {
    VendorSummary cut =
        VendorSummary.of(
            vendor(VendorState.RETIRED),
            List.of(
                tool("a", ToolState.ALLOWED, T0),
                tool("b", ToolState.ALLOWED, T0),
                tool("c", pending(), T0),
                tool("d", changed(), T0),
                tool("e", ToolState.DENIED, T0)));

    assertThat(cut.isRetired()).isTrue();
    assertThat(cut.getStateLabel()).isEqualTo("Retired");
    assertThat(cut.getCounts())
        .extracting(VendorSummary.Count::getState, VendorSummary.Count::getTools)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ALLOWED", 2L),
            org.assertj.core.groups.Tuple.tuple("PENDING_REVIEW", 1L),
            org.assertj.core.groups.Tuple.tuple("DENIED", 1L),
            org.assertj.core.groups.Tuple.tuple("CHANGED_SINCE_APPROVAL", 1L),
            org.assertj.core.groups.Tuple.tuple("NO_LONGER_LISTED", 0L));
    assertThat(cut.getToReview()).isEqualTo(2);
  }

  private static ToolState changed() {
    return ToolState.CHANGED_SINCE_APPROVAL;
  }

  private static ToolState pending() {
    return ToolState.PENDING_REVIEW;
  }
}
