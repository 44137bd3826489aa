package io.claribi.gateway.control.routing;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ranking rule for routing a question (documented in {@code docs/api.md}): among the sources
 * that hold at least one of the domains asked for, prefer
 *
 * <ol>
 *   <li>the vendor the caller prefers, if it is among them;
 *   <li>then the source that covers more of the domains asked for;
 *   <li>then by kind: MCP connection, native connector, upload;
 *   <li>then the source with more callable tools;
 *   <li>then the source usable the longest (the earliest connected or uploaded);
 *   <li>then the smaller source id, so that the same state always gives the same answer.
 * </ol>
 *
 * The rule reads nothing but its arguments, so that the answer changes exactly when the sources do.
 */
public final class SourceRanking {

  private SourceRanking() {}

  /** A candidate with the domains asked for that it holds, in alphabetical order. */
  public record Ranked(RouteCandidate source, List<String> covered) {
    public Ranked {
      covered = List.copyOf(new TreeSet<>(covered));
    }
  }

  public static List<Ranked> rank(
      List<RouteCandidate> candidates, Set<String> domains, Optional<String> preferredVendor) {
    Comparator<Ranked> order =
        Comparator.comparing(
                (Ranked r) -> !preferredVendor.map(r.source().vendor()::equals).orElse(false))
            .thenComparing(r -> -r.covered().size())
            .thenComparing(r -> r.source().kind())
            .thenComparing(r -> -r.source().tools().size())
            .thenComparing(r -> r.source().since())
            .thenComparing(r -> r.source().sourceId());
    return candidates.stream()
        .map(c -> new Ranked(c, intersection(c.domains(), domains)))
        .filter(r -> !r.covered().isEmpty())
        .sorted(order)
        .toList();
  }

  private static List<String> intersection(Set<String> held, Set<String> asked) {
    Set<String> covered = new TreeSet<>(held);
    covered.retainAll(asked);
    return List.copyOf(covered);
  }
}
