package io.claribi.connections.entity;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.platform.api.ConnectionId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueuedRevocationTest {

  private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(1);
  private static final List<Duration> PAUSES =
      List.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2));

  private static QueuedRevocation queuedBy(String node) {
    return new QueuedRevocation(
        ConnectionId.random(),
        "acme",
        "http://127.0.0.1/acme",
        "claribi",
        T0,
        node,
        T0.plus(LEASE));
  }

  @Test
  void the_disconnecting_node_makes_the_first_attempt_and_no_other_node_while_it_lives() {
    QueuedRevocation queued = queuedBy("node-1");

    assertThat(queued.claimableBy("node-1", T0)).isTrue();
    assertThat(queued.claimableBy("node-2", T0)).isFalse();
    assertThat(queued.claimableBy("node-2", T0.plus(LEASE).minusMillis(1))).isFalse();
  }

  @Test
  void a_dead_nodes_revocation_is_taken_over_once_its_lease_has_run_out() {
    QueuedRevocation queued = queuedBy("node-1");

    assertThat(queued.claimableBy("node-2", T0.plus(LEASE).plusMillis(1))).isTrue();
    queued.claim("node-2", T0.plus(LEASE).plus(LEASE));
    assertThat(queued.worker()).contains("node-2");
    assertThat(queued.claimableBy("node-1", T0.plus(LEASE).plusSeconds(1))).isFalse();
  }

  @Test
  void a_vendor_out_of_reach_is_asked_again_after_each_pause_by_any_node_then_never() {
    QueuedRevocation queued = queuedBy("node-1");
    Instant now = T0;

    for (Duration pause : PAUSES) {
      queued.claim("node-1", now.plus(LEASE));
      assertThat(queued.failed(PAUSES, now)).isTrue();
      assertThat(queued.nextAttemptAt()).isEqualTo(now.plus(pause));
      assertThat(queued.worker()).isEmpty();
      assertThat(queued.claimableBy("node-2", now.plus(pause).minusMillis(1))).isFalse();
      assertThat(queued.claimableBy("node-2", now.plus(pause))).isTrue();
      now = now.plus(pause);
    }
    queued.claim("node-2", now.plus(LEASE));

    assertThat(queued.failed(PAUSES, now)).isFalse();
    assertThat(queued.attempts()).isEqualTo(PAUSES.size() + 1);
  }
}
