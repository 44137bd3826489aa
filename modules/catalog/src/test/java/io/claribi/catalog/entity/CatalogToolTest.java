package io.claribi.catalog.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claribi.catalog.api.DiscoveredTool;
import io.claribi.catalog.api.ToolDecision.RefusalReason;
import io.claribi.catalog.api.VendorId;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatalogToolTest {

  static final VendorId ACME = new VendorId("acme-payments");
  static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  static final DiscoveredTool READ =
      new DiscoveredTool("get_balance", null, "Reads.", "{}", "{\"readOnlyHint\":true}");

  CatalogTool cut;

  @BeforeEach
  void discover() {
    cut = new CatalogTool(ACME, READ, "f1", NOW);
  }

  @Test
  void a_new_tool_is_pending_review_whatever_its_annotations_say() {
    assertThat(cut.state()).isEqualTo(ToolState.PENDING_REVIEW);
    assertThat(cut.state().refusal()).contains(RefusalReason.PENDING_REVIEW);
    assertThatThrownBy(cut::toAllowedTool).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void allowed_only_on_the_approved_fingerprint_while_listed() {
    allow("f1");
    assertThat(cut.state()).isEqualTo(ToolState.ALLOWED);
    assertThat(cut.toAllowedTool().fingerprint()).isEqualTo("f1");

    assertThat(cut.relisted(READ, "f2", NOW)).isTrue();
    assertThat(cut.state()).isEqualTo(ToolState.CHANGED_SINCE_APPROVAL);

    allow("f2");
    assertThat(cut.state()).isEqualTo(ToolState.ALLOWED);

    cut.unlisted();
    assertThat(cut.state()).isEqualTo(ToolState.NO_LONGER_LISTED);

    assertThat(cut.relisted(READ, "f2", NOW)).isFalse();
    assertThat(cut.state()).isEqualTo(ToolState.ALLOWED);
  }

  @Test
  void what_an_allowed_tool_offers_is_the_text_it_was_approved_on_not_the_live_text() {
    allow("f1");
    // Listed again with other text but the same fingerprint (e.g. the same schema reformatted).
    DiscoveredTool relisted =
        new DiscoveredTool(
            "get_balance", "Live title", "Live text.", "{ }", "{\"readOnlyHint\":true}");
    cut.relisted(relisted, "f1", NOW);

    var offered = cut.toAllowedTool();

    assertThat(offered.title()).isNull();
    assertThat(offered.description()).isEqualTo("Reads.");
    assertThat(offered.inputSchema()).isEqualTo("{}");
  }

  @Test
  void a_denied_tool_stays_denied_whatever_changes() {
    cut.decide(Decision.DENY, "f1", VendorSource.OPERATOR, "op", NOW, "writes");
    cut.relisted(READ, "f2", NOW);
    assertThat(cut.state()).isEqualTo(ToolState.DENIED);
    cut.unlisted();
    assertThat(cut.state()).isEqualTo(ToolState.DENIED);
  }

  @Test
  void a_tool_keeps_its_exact_name() {
    DiscoveredTool renamed = new DiscoveredTool("Get_balance", null, "Reads.", "{}", null);
    assertThatThrownBy(() -> cut.relisted(renamed, "f1", NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_shipped_allow_applies_only_on_its_fingerprint_and_never_over_an_operator() {
    ShippedDecision shipped =
        new ShippedDecision(ACME, "get_balance", Decision.ALLOW, "f1", "reviewed", 1);
    ShippedDecision otherPrint =
        new ShippedDecision(ACME, "get_balance", Decision.ALLOW, "f9", "reviewed", 1);

    assertThat(otherPrint.appliesTo(cut)).isFalse();
    assertThat(shipped.appliesTo(cut)).isTrue();
    shipped.applyTo(cut, NOW);
    assertThat(cut.state()).isEqualTo(ToolState.ALLOWED);
    assertThat(cut.decidedBy()).isEqualTo("catalog-file v1");
    assertThat(shipped.appliesTo(cut)).as("already applied").isFalse();

    cut.decide(Decision.DENY, "f1", VendorSource.OPERATOR, "op", NOW, "no");
    assertThat(shipped.appliesTo(cut)).isFalse();
  }

  @Test
  void a_shipped_allow_without_fingerprint_is_impossible() {
    assertThatThrownBy(() -> new ShippedDecision(ACME, "t", Decision.ALLOW, null, "r", 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void an_allow_keeps_the_text_it_was_given_on() {
    assertThat(cut.approvedText()).as("no decision yet").isEmpty();
    allow("f1");

    DiscoveredTool changed =
        new DiscoveredTool(
            "get_balance", "Balance", "Reads and moves.", "{\"type\":\"object\"}", null);
    cut.relisted(changed, "f2", NOW);

    assertThat(cut.state()).isEqualTo(ToolState.CHANGED_SINCE_APPROVAL);
    assertThat(cut.approvedText())
        .contains(new ApprovedText(null, "Reads.", "{}", "{\"readOnlyHint\":true}"));
    assertThat(cut.description()).isEqualTo("Reads and moves.");
  }

  @Test
  void a_deny_keeps_no_approved_text_and_drops_the_one_kept() {
    allow("f1");
    cut.decide(Decision.DENY, "f1", VendorSource.OPERATOR, "op", NOW, "writes");
    assertThat(cut.approvedText()).isEmpty();

    cut.relisted(READ, "f1", NOW);
    assertThat(cut.approvedText()).as("discovery fills in ALLOWs only").isEmpty();
  }

  @Test
  void a_new_allow_replaces_the_approved_text() {
    allow("f1");
    DiscoveredTool changed =
        new DiscoveredTool(
            "get_balance", "Balance", "Reads, again.", "{\"type\":\"object\"}", null);
    cut.relisted(changed, "f2", NOW);
    allow("f2");

    assertThat(cut.state()).isEqualTo(ToolState.ALLOWED);
    assertThat(cut.approvedText())
        .contains(new ApprovedText("Balance", "Reads, again.", "{\"type\":\"object\"}", null));
  }

  @Test
  void discovery_keeps_the_text_of_an_allow_given_on_a_fingerprint_not_seen_yet() {
    // a catalog file's ALLOW names the fingerprint it was reviewed on, not the text
    allow("f2");
    assertThat(cut.approvedText()).as("f2 was never seen").isEmpty();

    DiscoveredTool reviewed =
        new DiscoveredTool(
            "get_balance", "Balance", "Reviewed text.", "{\"type\":\"object\"}", null);
    cut.relisted(reviewed, "f2", NOW);

    assertThat(cut.state()).isEqualTo(ToolState.ALLOWED);
    assertThat(cut.approvedText())
        .contains(new ApprovedText("Balance", "Reviewed text.", "{\"type\":\"object\"}", null));

    cut.relisted(READ, "f3", NOW);
    assertThat(cut.approvedText().map(ApprovedText::description))
        .as("kept once, not overwritten by a later change")
        .contains("Reviewed text.");
  }

  @Test
  void a_shipped_allow_applied_at_discovery_keeps_the_discovered_text() {
    new ShippedDecision(ACME, "get_balance", Decision.ALLOW, "f1", "reviewed", 1).applyTo(cut, NOW);

    assertThat(cut.approvedText())
        .contains(new ApprovedText(null, "Reads.", "{}", "{\"readOnlyHint\":true}"));
  }

  private void allow(String fingerprint) {
    cut.decide(Decision.ALLOW, fingerprint, VendorSource.OPERATOR, "op", NOW, "reviewed");
  }
}
