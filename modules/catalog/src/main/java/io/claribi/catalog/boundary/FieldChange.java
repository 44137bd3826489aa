package io.claribi.catalog.boundary;

import java.io.Serializable;

/**
 * One field of a tool changed since approval, as the review queue shows it: the approved text and
 * the text now, each ready to be written with escaping output (schemas and hints pretty-printed).
 */
public final class FieldChange implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String field;
  private final String approved;
  private final String now;

  FieldChange(String field, String approved, String now) {
    this.field = field;
    this.approved = approved;
    this.now = now;
  }

  /** "Title", "Description", "Input schema" or "Annotations". */
  public String getField() {
    return field;
  }

  public String getApproved() {
    return approved;
  }

  public String getNow() {
    return now;
  }

  /** Schemas and hints are JSON, shown in a {@code <pre>}. */
  public boolean isJson() {
    return field.equals(QueuedTool.SCHEMA) || field.equals(QueuedTool.ANNOTATIONS);
  }
}
