package io.claribi.connections.boundary.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.catalog.api.AllowedTool;
import io.claribi.catalog.api.KnownTool;
import io.claribi.catalog.api.ToolDecision;
import io.claribi.catalog.api.ToolDecision.RefusalReason;
import io.claribi.catalog.api.VendorId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolRowTest {

  private static final VendorId VENDOR = new VendorId("acme-payments");

  private static Map<String, String> hints(String... pairs) {
    Map<String, String> hints = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      hints.put(pairs[i], pairs[i + 1]);
    }
    return hints;
  }

  @Test
  void an_allowed_tool_has_no_reason_and_its_hints_are_listed_in_order() {
    var allowed =
        new ToolDecision.Allowed(
            new AllowedTool(VENDOR, "list_customers", "List", "Lists.", "{}", "f".repeat(64)));

    var cut =
        ToolRow.of(
            new KnownTool(
                "list_customers",
                "List",
                "Lists.",
                hints("readOnlyHint", "true", "title", "<b>x</b>"),
                allowed,
                "reviewed"));

    assertThat(cut.getStatus()).isEqualTo("ALLOWED");
    assertThat(cut.getReason()).isEmpty();
    assertThat(cut.getWhy()).isEmpty();
    assertThat(cut.getHints()).containsExactly("readOnlyHint: true", "title: <b>x</b>");
  }

  @Test
  void a_denied_tool_says_so_with_the_recorded_reason() {
    var cut =
        ToolRow.of(
            new KnownTool(
                "create_refund",
                null,
                null,
                Map.of(),
                new ToolDecision.Refused(VENDOR, "create_refund", RefusalReason.DENIED),
                "write-class"));

    assertThat(cut.getStatus()).isEqualTo("BLOCKED");
    assertThat(cut.getReason()).isEqualTo("DENIED");
    assertThat(cut.getWhy())
        .isEqualTo("Denied by a platform operator. Reason recorded: write-class");
    assertThat(cut.getTitle()).isEmpty();
    assertThat(cut.getHints()).isEmpty();
  }

  @Test
  void every_other_refusal_is_put_in_words() {
    assertThat(ToolRow.why(RefusalReason.PENDING_REVIEW, null)).startsWith("Never seen before");
    assertThat(ToolRow.why(RefusalReason.CHANGED_SINCE_APPROVAL, "old approval"))
        .startsWith("Changed since it was approved")
        .doesNotContain("old approval");
    assertThat(ToolRow.why(RefusalReason.NO_LONGER_LISTED, null))
        .isEqualTo("No longer listed by the vendor.");
    assertThat(ToolRow.why(RefusalReason.DENIED, " ")).isEqualTo("Denied by a platform operator.");
  }
}
