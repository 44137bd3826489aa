package io.claribi.catalog.boundary.console;

import java.io.Serializable;
import java.util.List;

/**
 * One field of a tool changed since approval, as the review queue shows it: the approved text and
 * the text now, each ready to be written with escaping output (schemas and hints pretty-printed).
 */
public final class FieldChange implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String field;
  private final String approved;
  private final String now;
  private final List<LineDiff.Line> lines;

  FieldChange(String field, String approved, String now) {
    this.field = field;
    this.approved = approved;
    this.now = now;
    this.lines = LineDiff.worthShowing(approved, now) ? LineDiff.of(approved, now) : List.of();
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

  /** Both texts line by line, for a field of more than one line; empty otherwise. */
  public List<LineDiff.Line> getLines() {
    return lines;
  }

  /** Schemas and hints are JSON, shown in a {@code <pre>}. */
  public boolean isJson() {
    return field.equals(QueuedTool.SCHEMA) || field.equals(QueuedTool.ANNOTATIONS);
  }
}
