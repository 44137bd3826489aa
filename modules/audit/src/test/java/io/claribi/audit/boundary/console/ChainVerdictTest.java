package io.claribi.audit.boundary.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.audit.boundary.VerificationView;
import org.junit.jupiter.api.Test;

class ChainVerdictTest {

  @Test
  void an_intact_chain_says_how_many_events_were_checked() {
    ChainVerdict cut =
        ChainVerdict.of(
            new VerificationView(
                true, "acme", "2026-11-25T10:00:00.000Z", 42, 1, 42, "ab", 42, "ab", null));

    assertThat(cut.isIntact()).isTrue();
    assertThat(cut.getSummary())
        .isEqualTo("Verified: the chain is intact. 42 events checked, from event 1 to event 42.");
    assertThat(cut.getAnchor()).contains("event 42, hash ab");
  }

  @Test
  void a_broken_chain_says_where_and_why() {
    ChainVerdict cut =
        ChainVerdict.of(
            new VerificationView(
                false,
                "acme",
                "2026-11-25T10:00:00.000Z",
                2,
                1,
                2,
                "cd",
                9,
                "ef",
                new VerificationView.BrokenLink(
                    3, "e-3", "CONTENT_CHANGED", "event 3 does not match its hash")));

    assertThat(cut.isIntact()).isFalse();
    assertThat(cut.getSummary())
        .isEqualTo(
            "Not verified: the chain breaks at event 3: the event was altered after it was"
                + " recorded (event 3 does not match its hash). 2 events before it verified.");
  }

  @Test
  void an_empty_trail_is_verified_with_nothing_to_check() {
    ChainVerdict cut =
        ChainVerdict.of(new VerificationView(true, "acme", "t", 0, 1, 0, null, 0, "00", null));

    assertThat(cut.getSummary()).isEqualTo("Verified: the trail has no events to check yet.");
  }
}
