package io.claribi.gateway.control.routing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A data source that could answer now: it is active, the organization's plan includes its kind, and
 * at least one of its tools is allowed.
 *
 * @param kind what kind of source it is
 * @param sourceId the connection id (or upload id) to name when calling its tools
 * @param vendor the catalog vendor (for an upload: {@code upload})
 * @param displayName what people call it
 * @param domains the data domains it holds
 * @param tools the names of its tools that may be called now
 * @param since when it became usable (connection activated, file uploaded)
 */
public record RouteCandidate(
    SourceKind kind,
    String sourceId,
    String vendor,
    String displayName,
    Set<String> domains,
    List<String> tools,
    Instant since) {

  public RouteCandidate {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(since, "since");
    domains = Set.copyOf(domains);
    tools = List.copyOf(tools);
    if (tools.isEmpty()) {
      throw new IllegalArgumentException("a source without callable tools cannot answer anything");
    }
  }
}
