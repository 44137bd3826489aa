package io.claribi.gateway.control.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SourceRankingTest {

  private static final Instant EARLY = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant LATE = Instant.parse("2026-06-01T00:00:00Z");

  private static RouteCandidate source(
      String id, SourceKind kind, String vendor, Set<String> domains, int tools, Instant since) {
    List<String> names = java.util.stream.IntStream.range(0, tools).mapToObj(i -> "t" + i).toList();
    return new RouteCandidate(kind, id, vendor, vendor, domains, names, since);
  }

  private static List<String> order(List<SourceRanking.Ranked> ranked) {
    return ranked.stream().map(r -> r.source().sourceId()).toList();
  }

  @Test
  void sources_holding_none_of_the_domains_are_not_candidates() {
    var crm = source("a", SourceKind.MCP_CONNECTION, "hubspot", Set.of("crm"), 3, EARLY);

    assertThat(SourceRanking.rank(List.of(crm), Set.of("payments"), Optional.empty())).isEmpty();
  }

  @Test
  void the_preferred_vendor_comes_first_even_covering_fewer_domains() {
    var wide =
        source("a", SourceKind.MCP_CONNECTION, "stripe", Set.of("payments", "crm"), 3, EARLY);
    var narrow = source("b", SourceKind.UPLOAD, "upload", Set.of("payments"), 2, LATE);

    var ranked =
        SourceRanking.rank(List.of(wide, narrow), Set.of("payments", "crm"), Optional.of("upload"));

    assertThat(order(ranked)).containsExactly("b", "a");
    assertThat(ranked.get(0).covered()).containsExactly("payments");
  }

  @Test
  void a_preferred_vendor_without_a_source_changes_nothing() {
    var stripe = source("a", SourceKind.MCP_CONNECTION, "stripe", Set.of("payments"), 3, EARLY);

    var ranked = SourceRanking.rank(List.of(stripe), Set.of("payments"), Optional.of("paypal"));

    assertThat(order(ranked)).containsExactly("a");
  }

  @Test
  void more_domains_covered_beats_kind() {
    var mcp = source("a", SourceKind.MCP_CONNECTION, "stripe", Set.of("payments"), 9, EARLY);
    var upload = source("b", SourceKind.UPLOAD, "upload", Set.of("payments", "crm"), 2, LATE);

    var ranked =
        SourceRanking.rank(List.of(mcp, upload), Set.of("payments", "crm"), Optional.empty());

    assertThat(order(ranked)).containsExactly("b", "a");
  }

  @Test
  void with_equal_coverage_mcp_beats_native_beats_upload() {
    var upload = source("a", SourceKind.UPLOAD, "upload", Set.of("ads"), 9, EARLY);
    var nativeAds = source("b", SourceKind.NATIVE_CONNECTOR, "meta-ads", Set.of("ads"), 9, EARLY);
    var mcp = source("c", SourceKind.MCP_CONNECTION, "adsmcp", Set.of("ads"), 1, LATE);

    var ranked =
        SourceRanking.rank(List.of(upload, nativeAds, mcp), Set.of("ads"), Optional.empty());

    assertThat(order(ranked)).containsExactly("c", "b", "a");
  }

  @Test
  void then_more_tools_then_the_older_source_then_the_smaller_id() {
    var fewTools = source("a", SourceKind.MCP_CONNECTION, "x", Set.of("crm"), 1, EARLY);
    var manyLate = source("b", SourceKind.MCP_CONNECTION, "y", Set.of("crm"), 5, LATE);
    var manyEarlyZ = source("z", SourceKind.MCP_CONNECTION, "y", Set.of("crm"), 5, EARLY);
    var manyEarlyC = source("c", SourceKind.MCP_CONNECTION, "y", Set.of("crm"), 5, EARLY);

    var ranked =
        SourceRanking.rank(
            List.of(fewTools, manyLate, manyEarlyZ, manyEarlyC), Set.of("crm"), Optional.empty());

    assertThat(order(ranked)).containsExactly("c", "z", "b", "a");
  }

  @Test
  void removing_the_best_source_promotes_the_next() {
    var first = source("a", SourceKind.MCP_CONNECTION, "stripe", Set.of("payments"), 3, EARLY);
    var second = source("b", SourceKind.NATIVE_CONNECTOR, "x", Set.of("payments"), 3, EARLY);

    assertThat(
            order(SourceRanking.rank(List.of(first, second), Set.of("payments"), Optional.empty())))
        .containsExactly("a", "b");
    assertThat(order(SourceRanking.rank(List.of(second), Set.of("payments"), Optional.empty())))
        .containsExactly("b");
  }
}
