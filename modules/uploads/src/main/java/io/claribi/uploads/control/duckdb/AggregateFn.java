package io.claribi.uploads.control.duckdb;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Aggregates a query may compute over a group. */
public enum AggregateFn {
  COUNT,
  COUNT_DISTINCT,
  SUM,
  AVG,
  MIN,
  MAX;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<AggregateFn> fromWireName(String name) {
    return Arrays.stream(values()).filter(fn -> fn.wireName().equals(name)).findFirst();
  }

  /**
   * @param column a quoted identifier, or {@code *} for count
   */
  String sql(String column) {
    return switch (this) {
      case COUNT -> "count(" + column + ")";
      case COUNT_DISTINCT -> "count(DISTINCT " + column + ")";
      default -> wireName() + "(" + column + ")";
    };
  }

  /** Whether the column's kind is one this aggregate can work on. */
  boolean accepts(ColumnKind kind) {
    return switch (this) {
      case COUNT, COUNT_DISTINCT -> true;
      case SUM, AVG -> kind == ColumnKind.NUMBER;
      case MIN, MAX -> kind.ordered() || kind == ColumnKind.BOOLEAN;
    };
  }
}
