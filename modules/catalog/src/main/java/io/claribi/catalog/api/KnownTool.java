package io.claribi.catalog.api;

import java.util.Map;
import java.util.Objects;

/**
 * A tool the catalog knows for one vendor, with the allowlist's decision on it as of now: the same
 * {@link ToolDecision} that {@link Catalog#decide} gives the gateway for this name. Everything but
 * the decision is the vendor's own text: shown escaped, never trusted.
 *
 * @param name the exact name
 * @param title the vendor's title, may be null
 * @param description the vendor's description, may be null
 * @param hints the vendor's annotations (readOnlyHint, …) in the vendor's order, each value as JSON
 *     text (a string without its quotes): hints only, they never allow anything
 * @param decision allowed, or refused with the reason
 * @param decisionReason the reason recorded with the tool's current decision (an operator's or the
 *     catalog file's), null while nobody decided
 */
public record KnownTool(
    String name,
    String title,
    String description,
    Map<String, String> hints,
    ToolDecision decision,
    String decisionReason) {

  public KnownTool {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(decision, "decision");
    hints = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(hints));
  }

  public boolean allowed() {
    return decision instanceof ToolDecision.Allowed;
  }
}
