package io.claribi.catalog.entity;

import java.util.Objects;

/**
 * The vendor's text of a tool as it was when an ALLOW was given: what "changed since approval" is
 * compared with. The input schema and annotations are the stored JSON text.
 */
public record ApprovedText(
    String title, String description, String inputSchema, String annotations) {

  public ApprovedText {
    Objects.requireNonNull(inputSchema, "inputSchema"); // every listed tool has one
  }
}
