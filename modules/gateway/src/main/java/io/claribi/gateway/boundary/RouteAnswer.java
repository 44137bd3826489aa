package io.claribi.gateway.boundary;

import io.claribi.gateway.control.routing.SourceKind;
import io.claribi.gateway.control.routing.SourceRanking;
import java.util.List;
import java.util.Set;

/**
 * The answer to {@code POST /questions/route}: {@code route} is {@code source} with the best source
 * and its tools, or {@code none} with a message for a person. Absent fields are left out.
 *
 * @param route {@code source} or {@code none}
 * @param domains the domains asked for
 * @param source the best source (absent for {@code none})
 * @param tools the tools to call on it, each with the {@code connectionId} to name
 * @param uncovered domains asked for that the best source does not hold
 * @param alternatives the other sources that hold some of the domains, best first
 * @param message one sentence for a person
 */
public record RouteAnswer(
    String route,
    List<String> domains,
    Source source,
    List<Tool> tools,
    Set<String> uncovered,
    List<Source> alternatives,
    String message) {

  /** A data source as the routing answer names it: a connection, or an uploaded file. */
  public record Source(
      SourceKind kind,
      String connectionId,
      String uploadId,
      String vendor,
      String displayName,
      List<String> covers) {

    static Source of(SourceRanking.Ranked ranked) {
      var source = ranked.source();
      boolean upload = source.kind() == SourceKind.UPLOAD;
      return new Source(
          source.kind(),
          upload ? null : source.sourceId(),
          upload ? source.sourceId() : null,
          source.vendor(),
          source.displayName(),
          ranked.covered());
    }
  }

  /** A tool to call, and the connection or upload to name in {@code POST /tools/call}. */
  public record Tool(String name, String connectionId, String uploadId) {}

  static RouteAnswer of(Routing.Route route) {
    var best = route.best();
    if (best.isEmpty()) {
      return new RouteAnswer(
          "none",
          route.domains(),
          null,
          null,
          null,
          null,
          "No data source is connected for " + String.join(", ", route.domains()) + ".");
    }
    var chosen = best.get();
    Source source = Source.of(chosen);
    String message =
        (chosen.source().displayName() == null
                ? chosen.source().vendor()
                : chosen.source().displayName())
            + " answers "
            + String.join(", ", chosen.covered())
            + (route.uncovered().isEmpty()
                ? "."
                : "; no data source is connected for " + String.join(", ", route.uncovered()) + ".")
            + route
                .preferredVendor()
                .filter(v -> !v.equals(chosen.source().vendor()))
                .map(v -> " The preferred vendor " + v + " has no usable source for these domains.")
                .orElse("");
    return new RouteAnswer(
        "source",
        route.domains(),
        source,
        chosen.source().tools().stream()
            .map(t -> new Tool(t, source.connectionId(), source.uploadId()))
            .toList(),
        route.uncovered(),
        route.ranked().stream().skip(1).map(Source::of).toList(),
        message);
  }
}
