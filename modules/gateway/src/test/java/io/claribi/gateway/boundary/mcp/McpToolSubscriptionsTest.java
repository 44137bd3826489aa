package io.claribi.gateway.boundary.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.platform.api.OrganizationId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

/** The bookkeeping of 2026-07-28 subscriptions in McpToolChanges: limits, delivery, the end. */
class McpToolSubscriptionsTest {

  private static final OrganizationId A = new OrganizationId("org-a");
  private static final OrganizationId B = new OrganizationId("org-b");

  private McpToolChanges changes;

  @BeforeEach
  void changes() {
    changes = new McpToolChanges();
    changes.clock = Clock.systemUTC();
  }

  @Test
  void an_organization_holds_at_most_its_limit_and_another_is_not_counted_against_it() {
    assertThat(changes.subscribe(A, "shown", 2)).isPresent();
    assertThat(changes.subscribe(A, "shown", 2)).isPresent();

    assertThat(changes.subscribe(A, "shown", 2)).isEmpty();
    assertThat(changes.subscribe(B, "shown", 2)).isPresent();
    assertThat(changes.subscriptions(A)).isEqualTo(2);
  }

  @Test
  void a_stream_that_ends_gives_its_place_back() {
    McpToolChanges.Subscription first = changes.subscribe(A, "shown", 1).orElseThrow();
    Disposable listening = first.changes().subscribe();
    assertThat(changes.subscribe(A, "shown", 1)).isEmpty();

    listening.dispose(); // the client went away: the transport cancels the stream

    assertThat(changes.subscriptions(A)).isZero();
    assertThat(changes.subscribe(A, "shown", 1)).isPresent();
  }

  @Test
  void each_change_told_is_one_element_and_stopping_the_application_ends_the_stream() {
    McpToolChanges.Subscription subscription = changes.subscribe(A, "shown", 1).orElseThrow();
    List<Boolean> heard = new CopyOnWriteArrayList<>();
    AtomicBoolean ended = new AtomicBoolean();
    subscription.changes().subscribe(heard::add, failure -> {}, () -> ended.set(true));

    assertThat(subscription.tell()).isTrue();
    assertThat(subscription.tell()).isTrue();
    changes.stop();

    assertThat(heard).hasSize(2);
    assertThat(ended).isTrue();
    assertThat(changes.subscriptions(A)).isZero();
  }

  @Test
  void a_change_told_before_the_stream_started_is_kept_for_it() {
    McpToolChanges.Subscription subscription = changes.subscribe(A, "shown", 1).orElseThrow();
    subscription.tell();

    List<Boolean> heard = new CopyOnWriteArrayList<>();
    subscription.changes().subscribe(heard::add);

    assertThat(heard).hasSize(1);
  }

  @Test
  void unclaimed_for_longer_than_a_minute_is_dropped_by_the_next_check() {
    changes.clock = Clock.offset(Clock.systemUTC(), Duration.ZERO);
    changes.subscribe(A, "shown", 1).orElseThrow();
    changes.clock = Clock.offset(Clock.systemUTC(), McpToolChanges.UNCLAIMED.plusSeconds(1));

    changes.check(); // nothing claimed, so nothing is read: no listing or binding needed

    assertThat(changes.subscriptions(A)).isZero();
  }
}
