package io.claribi.catalog.api;

import java.util.Objects;

/**
 * A tool as one vendor's {@code tools/list} described it, before any decision. Every field is
 * vendor-controlled text: kept verbatim, shown escaped, never trusted.
 *
 * @param name the exact name; no case folding, trimming or normalisation, ever
 * @param title the optional human title
 * @param description the vendor's description
 * @param inputSchema the input JSON Schema, as JSON text
 * @param annotations the vendor's annotations (readOnlyHint, …) as JSON text: hints only
 */
public record DiscoveredTool(
    String name, String title, String description, String inputSchema, String annotations) {

  public DiscoveredTool {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(inputSchema, "inputSchema");
  }
}
