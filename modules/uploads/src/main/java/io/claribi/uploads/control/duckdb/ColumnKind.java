package io.claribi.uploads.control.duckdb;

import java.util.Set;

/** What a query may do with a column, derived from its DuckDB type. */
public enum ColumnKind {
  NUMBER,
  TEXT,
  BOOLEAN,
  DATE,
  TIMESTAMP,
  TIME,
  /** Lists, structs, blobs, intervals, UUIDs and the like: selectable and countable only. */
  OTHER;

  private static final Set<String> NUMBERS =
      Set.of(
          "TINYINT",
          "SMALLINT",
          "INTEGER",
          "BIGINT",
          "HUGEINT",
          "UTINYINT",
          "USMALLINT",
          "UINTEGER",
          "UBIGINT",
          "UHUGEINT",
          "FLOAT",
          "DOUBLE");

  static ColumnKind of(String duckDbType) {
    String type = duckDbType.toUpperCase(java.util.Locale.ROOT);
    if (NUMBERS.contains(type) || type.startsWith("DECIMAL")) {
      return NUMBER;
    }
    if (type.equals("VARCHAR")) {
      return TEXT;
    }
    if (type.equals("BOOLEAN")) {
      return BOOLEAN;
    }
    if (type.equals("DATE")) {
      return DATE;
    }
    if (type.startsWith("TIMESTAMP")) {
      return TIMESTAMP;
    }
    if (type.equals("TIME")) {
      return TIME;
    }
    return OTHER;
  }

  /** Ordered kinds take lt/le/gt/ge, min and max. */
  boolean ordered() {
    return this != OTHER && this != BOOLEAN;
  }
}
