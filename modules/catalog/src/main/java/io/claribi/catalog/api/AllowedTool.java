package io.claribi.catalog.api;

import java.util.Objects;

/**
 * A tool that an operator allowed, exactly as it was when allowed (same fingerprint), with the text
 * it was approved on: this, never the vendor's live text, is what AI engines see and what arguments
 * are checked against.
 *
 * @param vendor the vendor it belongs to
 * @param name the exact tool name
 * @param title the approved title, may be null
 * @param description the approved description
 * @param inputSchema the approved input JSON Schema, as JSON text: arguments are checked against
 *     it, read as closed
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
