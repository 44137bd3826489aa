package io.claribi.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.audit.entity.EventContent;
import io.claribi.audit.entity.RecordedEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

  /** A correct chain of n events, built the way Chaining builds it. */
  static List<RecordedEvent> chain(int n) {
    List<RecordedEvent> events = new ArrayList<>();
    String previous = EventHashTest.GENESIS;
    for (int i = 1; i <= n; i++) {
      EventContent content = EventHashTest.planChange(i, "r" + i);
      String hash = EventHash.of(EventHashTest.ACME, content, previous);
      events.add(new RecordedEvent(content, previous, hash));
      previous = hash;
    }
    return events;
  }

  static ChainVerifier.Break verify(List<RecordedEvent> stored, Anchor anchor, RecordedEvent head) {
    ChainVerifier cut = new ChainVerifier(EventHashTest.ACME, anchor);
    for (RecordedEvent event : stored) {
      if (!cut.accept(event)) {
        break;
      }
    }
    return cut.finish(head.sequence(), head.hash()).orElse(null);
  }

  @Test
  void an_intact_chain_verifies() {
    List<RecordedEvent> events = chain(5);

    ChainVerifier cut = new ChainVerifier(EventHashTest.ACME, Anchor.START);
    events.forEach(cut::accept);

    assertThat(cut.finish(5, events.get(4).hash())).isEmpty();
    assertThat(cut.checked()).isEqualTo(5);
  }

  @Test
  void a_changed_event_is_named() {
    List<RecordedEvent> events = chain(5);
    RecordedEvent third = events.get(2);
    EventContent forged = EventHashTest.planChange(3, "forged");
    events.set(2, new RecordedEvent(forged, third.previousHash(), third.hash()));

    ChainVerifier.Break broken = verify(events, Anchor.START, events.get(4));

    assertThat(broken.sequence()).isEqualTo(3);
    assertThat(broken.problem()).isEqualTo(ChainVerifier.Problem.CONTENT_CHANGED);
  }

  @Test
  void a_removed_event_is_named() {
    List<RecordedEvent> events = chain(5);
    RecordedEvent head = events.get(4);
    events.remove(1);

    ChainVerifier.Break broken = verify(events, Anchor.START, head);

    assertThat(broken.sequence()).isEqualTo(2);
    assertThat(broken.problem()).isEqualTo(ChainVerifier.Problem.EVENT_MISSING);
  }

  @Test
  void a_removed_tail_is_named_against_the_head() {
    List<RecordedEvent> events = chain(5);
    RecordedEvent head = events.get(4);

    ChainVerifier.Break broken = verify(events.subList(0, 3), Anchor.START, head);

    assertThat(broken.sequence()).isEqualTo(4);
    assertThat(broken.problem()).isEqualTo(ChainVerifier.Problem.EVENT_MISSING);
  }

  @Test
  void an_inserted_event_with_a_valid_own_hash_breaks_the_link() {
    List<RecordedEvent> events = chain(3);
    EventContent intruder = EventHashTest.planChange(2, "intruder");
    String hash = EventHash.of(EventHashTest.ACME, intruder, EventHashTest.GENESIS);
    events.set(1, new RecordedEvent(intruder, EventHashTest.GENESIS, hash));

    ChainVerifier.Break broken = verify(events, Anchor.START, events.get(2));

    assertThat(broken.sequence()).isEqualTo(2);
    assertThat(broken.problem()).isEqualTo(ChainVerifier.Problem.LINK_BROKEN);
  }

  @Test
  void after_retention_the_rest_verifies_from_the_anchor_and_a_further_loss_is_named() {
    List<RecordedEvent> events = chain(6);
    RecordedEvent lastRemoved = events.get(2);
    Anchor anchor = new Anchor(lastRemoved.sequence(), lastRemoved.hash());

    assertThat(verify(events.subList(3, 6), anchor, events.get(5))).isNull();
    ChainVerifier.Break broken = verify(events.subList(4, 6), anchor, events.get(5));
    assertThat(broken.sequence()).isEqualTo(4);
    assertThat(broken.problem()).isEqualTo(ChainVerifier.Problem.EVENT_MISSING);
  }
}
