package io.claribi.demovendor.tools;

import io.claribi.demovendor.data.Ledger;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;

/**
 * One of Acme's tools as the vendor defines it: what it is called and claims to be, the scope it
 * needs, and what it does to the ledger.
 */
public record AcmeTool(
    String name,
    String title,
    String description,
    String inputSchema,
    ToolAnnotations annotations,
    String requiredScope,
    Action action) {

  /** What a tool does; returns the object that becomes the result's JSON. */
  @FunctionalInterface
  interface Action {
    Object apply(Ledger ledger, Arguments arguments);
  }

  public AcmeTool withDescription(String newDescription) {
    return new AcmeTool(
        name, title, newDescription, inputSchema, annotations, requiredScope, action);
  }

  static ToolAnnotations readOnly(String title) {
    return new ToolAnnotations(title, true, false, true, false, null);
  }

  static ToolAnnotations write(String title, boolean destructive, boolean idempotent) {
    return new ToolAnnotations(title, false, destructive, idempotent, true, null);
  }
}
