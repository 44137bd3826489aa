package io.claribi.catalog.api;

import java.util.Objects;

/**
 * A tool that an operator allowed, exactly as it was when allowed (same fingerprint).
 *
 * @param vendor the vendor it belongs to
 * @param name the exact tool name
 * @param title the vendor's title, may be null
 * @param description the vendor's description
 * @param inputSchema the approved input JSON Schema, as JSON text: arguments are checked against it
 * @param fingerprint SHA-256 over name, title, description, schema and annotations
 */
public record AllowedTool(
    VendorId vendor,
    String name,
    String title,
    String description,
    String inputSchema,
    String fingerprint) {

  public AllowedTool {
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(inputSchema, "inputSchema");
    Objects.requireNonNull(fingerprint, "fingerprint");
  }
}
