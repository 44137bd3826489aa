package io.claribi.gateway.boundary.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.platform.api.OrganizationId;
import io.claribi.platform.testing.MovableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class McpSessionsTest {

  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-05T12:00:00Z"));
  private final McpSessions cut = new McpSessions(2, Duration.ofMinutes(30), clock);
  private final McpCaller alice = new McpCaller(new OrganizationId("org-a"), "alice");
  private final McpCaller bob = new McpCaller(new OrganizationId("org-a"), "bob");
  private final McpCaller mallory = new McpCaller(new OrganizationId("org-b"), "alice");

  @Test
  void only_the_caller_who_opened_a_session_may_use_it() {
    cut.opened("s1", alice);

    assertThat(cut.use("s1", alice)).isEqualTo(McpSessions.Use.OK);
    assertThat(cut.use("s1", bob)).isEqualTo(McpSessions.Use.UNKNOWN);
    assertThat(cut.use("s1", mallory)).isEqualTo(McpSessions.Use.UNKNOWN);
    assertThat(cut.use("never", alice)).isEqualTo(McpSessions.Use.UNKNOWN);
  }

  @Test
  void an_organization_holds_at_most_its_limit() {
    cut.opened("s1", alice);
    cut.opened("s2", bob);

    assertThat(cut.mayOpen(alice.organization())).isFalse();
    assertThat(cut.mayOpen(mallory.organization())).isTrue();
    cut.closed("s1");
    assertThat(cut.mayOpen(alice.organization())).isTrue();
  }

  @Test
  void a_session_idle_too_long_is_over_and_use_keeps_one_alive() {
    cut.opened("s1", alice);
    cut.opened("s2", alice);
    clock.advance(Duration.ofMinutes(20));
    assertThat(cut.use("s2", alice)).isEqualTo(McpSessions.Use.OK);
    clock.advance(Duration.ofMinutes(11));

    assertThat(cut.expired()).containsExactly("s1");
    assertThat(cut.use("s2", alice)).isEqualTo(McpSessions.Use.OK);
    clock.advance(Duration.ofMinutes(31));
    assertThat(cut.use("s2", alice)).isEqualTo(McpSessions.Use.EXPIRED);
    assertThat(cut.count(alice.organization())).isZero();
  }
}
