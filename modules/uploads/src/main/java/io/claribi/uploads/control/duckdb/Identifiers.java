package io.claribi.uploads.control.duckdb;

/** SQL identifiers from names that were already checked against the schema or the rules. */
final class Identifiers {

  private Identifiers() {}

  /** A double-quoted identifier; an embedded double quote is doubled, as SQL requires. */
  static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
