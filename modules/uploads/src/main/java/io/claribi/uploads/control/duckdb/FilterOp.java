package io.claribi.uploads.control.duckdb;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Comparisons a query filter may make; each writes one fixed SQL shape. */
public enum FilterOp {
  EQ("%s = ?"),
  NE("%s <> ?"),
  LT("%s < ?"),
  LE("%s <= ?"),
  GT("%s > ?"),
  GE("%s >= ?"),
  /** Case-insensitive substring, without LIKE's wildcards. */
  CONTAINS("contains(lower(%s), lower(?))"),
  STARTS_WITH("starts_with(lower(%s), lower(?))"),
  IN(null),
  IS_NULL("%s IS NULL"),
  NOT_NULL("%s IS NOT NULL");

  private final String shape;

  FilterOp(String shape) {
    this.shape = shape;
  }

  /** The name in tool arguments: {@code eq}, {@code starts_with}, ... */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<FilterOp> fromWireName(String name) {
    return Arrays.stream(values()).filter(op -> op.wireName().equals(name)).findFirst();
  }

  int valueCount(int given) {
    return switch (this) {
      case IS_NULL, NOT_NULL -> 0;
      case IN -> given;
      default -> 1;
    };
  }

  boolean needsOrder() {
    return this == LT || this == LE || this == GT || this == GE;
  }

  boolean needsText() {
    return this == CONTAINS || this == STARTS_WITH;
  }

  /**
   * @param operand a quoted identifier, possibly wrapped in a cast: never user text
   */
  String sql(String operand, int values) {
    if (this == IN) {
      return operand
          + " IN ("
          + String.join(", ", java.util.Collections.nCopies(values, "?"))
          + ")";
    }
    return shape.formatted(operand);
  }
}
