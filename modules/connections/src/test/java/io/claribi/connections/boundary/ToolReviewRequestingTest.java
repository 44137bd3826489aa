package io.claribi.connections.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claribi.catalog.api.AllowedTool;
import io.claribi.catalog.api.KnownTool;
import io.claribi.catalog.api.ToolDecision;
import io.claribi.catalog.api.ToolDecision.RefusalReason;
import io.claribi.catalog.api.VendorId;
import io.claribi.connections.entity.ToolReviewRequest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolReviewRequestingTest {

  private static final VendorId VENDOR = new VendorId("acme-payments");
  private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

  private static KnownTool refused(String name, RefusalReason reason) {
    return new KnownTool(
        name, null, null, Map.of(), new ToolDecision.Refused(VENDOR, name, reason), null);
  }

  private static KnownTool allowed(String name) {
    return new KnownTool(
        name,
        null,
        null,
        Map.of(),
        new ToolDecision.Allowed(new AllowedTool(VENDOR, name, null, "d", "{}", "f".repeat(64))),
        "reviewed");
  }

  @Test
  void new_tools_and_tools_changed_since_approval_wait_and_nothing_else_does() {
    List<KnownTool> tools =
        List.of(
            allowed("list_customers"),
            refused("list_invoices", RefusalReason.PENDING_REVIEW),
            refused("list_payouts", RefusalReason.CHANGED_SINCE_APPROVAL),
            refused("create_refund", RefusalReason.DENIED),
            refused("old_tool", RefusalReason.NO_LONGER_LISTED));

    assertThat(ToolReviewRequesting.waiting(tools)).isEqualTo(2);
    assertThat(ToolReviewRequesting.waiting(List.of())).isZero();
    assertThat(
            Arrays.stream(RefusalReason.values())
                .filter(r -> ToolReviewRequesting.waiting(List.of(refused("t", r))) == 1))
        .as("the reasons that wait for a decision")
        .containsExactlyInAnyOrder(
            RefusalReason.PENDING_REVIEW, RefusalReason.CHANGED_SINCE_APPROVAL);
  }

  @Test
  void a_request_is_open_while_tools_wait_and_no_decision_answered_it() {
    ToolReviewRequest request = new ToolReviewRequest("acme-payments", "  please  ", 3, "ann", T0);

    ToolReviewRequestView open = ToolReviewRequestView.of(request, 3);
    assertThat(open.state()).isEqualTo("OPEN");
    assertThat(open.message()).isEqualTo("please");
    assertThat(open.waitingWhenAsked()).isEqualTo(3);

    assertThat(ToolReviewRequestView.of(request, 0).state())
        .as("decided meanwhile, though not answered by the decision (two at once)")
        .isEqualTo("ANSWERED");

    request.answer("operator", T0.plusSeconds(60));
    ToolReviewRequestView answered = ToolReviewRequestView.of(request, 0);
    assertThat(answered.state()).isEqualTo("ANSWERED");
    assertThat(answered.answeredBy()).isEqualTo("operator");
    assertThat(answered.answeredAt()).isEqualTo(T0.plusSeconds(60));
  }

  @Test
  void asking_again_replaces_the_message_and_opens_an_answered_request() {
    ToolReviewRequest request = new ToolReviewRequest("acme-payments", "first", 3, "ann", T0);
    request.answer("operator", T0.plusSeconds(60));

    request.ask(" ", 1, "bob", T0.plusSeconds(120));

    assertThat(request.isOpen()).isTrue();
    assertThat(request.message()).as("a blank message is none").isNull();
    assertThat(request.requestedBy()).isEqualTo("bob");
    assertThat(request.answeredBy()).isNull();
    assertThat(request.answeredAt()).isNull();
  }

  @Test
  void a_request_needs_a_waiting_tool_and_a_message_of_at_most_500_characters() {
    assertThatThrownBy(() -> new ToolReviewRequest("acme-payments", null, 0, "ann", T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ToolReviewRequest("acme-payments", "x".repeat(501), 1, "ann", T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new ToolReviewRequest("acme-payments", "x".repeat(500), 1, "ann", T0).message())
        .hasSize(500);
  }
}
