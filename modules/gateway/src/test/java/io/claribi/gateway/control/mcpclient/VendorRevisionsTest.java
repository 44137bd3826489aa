package io.claribi.gateway.control.mcpclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claribi.platform.testing.MovableClock;
import io.modelcontextprotocol.modern.JsonRpc;
import io.modelcontextprotocol.modern.McpException;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.client.McpResponseLostException;
import io.modelcontextprotocol.modern.client.McpTimeoutException;
import io.modelcontextprotocol.modern.client.transport.McpHttpStatusException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Which revision each vendor server speaks: discovered once, remembered with a bound and an age.
 */
class VendorRevisionsTest {

  private static final URI ONE = URI.create("https://one.example/mcp");
  private static final URI TWO = URI.create("https://two.example/mcp");
  private static final URI THREE = URI.create("https://three.example/mcp");

  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-05T10:00:00Z"));
  private final VendorRevisions cut = new VendorRevisions(2, Duration.ofMinutes(10), clock);
  private final AtomicInteger probes = new AtomicInteger();

  @Test
  void a_server_is_discovered_once_and_then_remembered() {
    assertThat(cut.of(ONE, probe(VendorRevision.STATELESS))).isEqualTo(VendorRevision.STATELESS);
    assertThat(cut.of(ONE, probe(VendorRevision.SESSIONS))).isEqualTo(VendorRevision.STATELESS);
    assertThat(cut.of(TWO, probe(VendorRevision.SESSIONS))).isEqualTo(VendorRevision.SESSIONS);

    assertThat(probes).hasValue(2);
  }

  @Test
  void the_least_recently_used_server_goes_first_past_the_bound() {
    cut.of(ONE, probe(VendorRevision.STATELESS));
    cut.of(TWO, probe(VendorRevision.SESSIONS));
    cut.of(ONE, probe(VendorRevision.STATELESS)); // ONE is now the most recent
    cut.of(THREE, probe(VendorRevision.SESSIONS));

    assertThat(cut.size()).isEqualTo(2);
    assertThat(probes).hasValue(3);
    cut.of(ONE, probe(VendorRevision.STATELESS));
    assertThat(probes).as("ONE stayed").hasValue(3);
    cut.of(TWO, probe(VendorRevision.STATELESS));
    assertThat(probes).as("TWO was dropped and asked again").hasValue(4);
  }

  @Test
  void an_answer_is_asked_again_once_it_is_old_so_a_vendor_that_moves_is_noticed() {
    cut.of(ONE, probe(VendorRevision.SESSIONS));
    clock.advance(Duration.ofMinutes(9));
    assertThat(cut.of(ONE, probe(VendorRevision.STATELESS))).isEqualTo(VendorRevision.SESSIONS);

    clock.advance(Duration.ofMinutes(1));
    assertThat(cut.of(ONE, probe(VendorRevision.STATELESS))).isEqualTo(VendorRevision.STATELESS);
    assertThat(probes).hasValue(2);
  }

  @Test
  void a_failed_discovery_remembers_nothing_and_a_forgotten_server_is_asked_again() {
    assertThatThrownBy(
            () ->
                cut.of(
                    ONE,
                    () -> {
                      throw new IllegalStateException("vendor down");
                    }))
        .hasMessage("vendor down");
    assertThat(cut.size()).isZero();

    cut.of(ONE, probe(VendorRevision.STATELESS));
    cut.forget(ONE);
    assertThat(cut.of(ONE, probe(VendorRevision.SESSIONS))).isEqualTo(VendorRevision.SESSIONS);
    assertThat(probes).hasValue(2);
  }

  @Test
  void a_discover_answer_is_stateless_only_if_it_lists_2026_07_28() {
    var caps = McpSchema.ServerCapabilities.builder().build();
    assertThat(
            VendorRevisions.answered(
                McpSchema.DiscoverResult.builder(List.of("2026-07-28"), caps).build()))
        .isEqualTo(VendorRevision.STATELESS);
    assertThat(
            VendorRevisions.answered(
                McpSchema.DiscoverResult.builder(List.of("2027-01-01"), caps).build()))
        .isEqualTo(VendorRevision.SESSIONS);
  }

  @Test
  void a_2025_servers_refusals_mean_sessions_and_other_failures_mean_nothing() {
    for (int status : List.of(400, 404, 405, 406, 415)) {
      assertThat(VendorRevisions.refused(new RuntimeException(status(status))))
          .as("HTTP " + status)
          .hasValue(VendorRevision.SESSIONS);
      assertThat(VendorRevisions.otherRevision(status(status))).isTrue();
    }
    for (int status : List.of(401, 403, 429, 500, 503)) {
      assertThat(VendorRevisions.refused(status(status))).as("HTTP " + status).isEmpty();
      assertThat(VendorRevisions.otherRevision(status(status))).isFalse();
    }
    assertThat(VendorRevisions.refused(rpcError(-32601))).hasValue(VendorRevision.SESSIONS);
    assertThat(VendorRevisions.refused(rpcError(-32600))).hasValue(VendorRevision.SESSIONS);
    assertThat(VendorRevisions.refused(rpcError(-32603))).isEmpty();
    assertThat(
            VendorRevisions.refused(
                new McpResponseLostException("server/discover", new IOException("reset"))))
        .isEmpty();
    assertThat(
            VendorRevisions.refused(
                new McpTimeoutException(
                    McpTimeoutException.Kind.CALL, Duration.ofSeconds(1), "server/discover")))
        .isEmpty();
  }

  @Test
  void a_bound_or_an_age_that_cannot_hold_anything_is_refused() {
    assertThatThrownBy(() -> new VendorRevisions(0, Duration.ofMinutes(1), clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("capacity");
    assertThatThrownBy(() -> new VendorRevisions(1, Duration.ZERO, clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rememberedFor");
  }

  private java.util.function.Supplier<VendorRevision> probe(VendorRevision answer) {
    return () -> {
      probes.incrementAndGet();
      return answer;
    };
  }

  private static McpHttpStatusException status(int status) {
    return new McpHttpStatusException(
        URI.create("https://one.example/mcp"),
        status,
        HttpHeaders.of(Map.of(), (a, b) -> true),
        "");
  }

  private static McpException rpcError(int code) {
    return new McpException(new JsonRpc.JSONRPCResponse.JSONRPCError(code, "no"));
  }
}
