package io.claribi.uploads.control.duckdb;

import java.util.List;

/**
 * What the query tool asks of one upload. Every name is checked against the upload's schema before
 * any SQL is written ({@link UploadSql}); nothing here is trusted.
 *
 * @param columns the columns to return; empty for all (or, when grouping, the group columns)
 * @param filters all must hold
 * @param groupBy group columns; with aggregates, the selected columns must be among them
 * @param aggregates computed per group, or over all filtered rows without a group
 * @param orderBy by an output column or an aggregate's alias
 * @param limit rows to return, 1 to {@value #MAX_LIMIT}
 */
public record UploadQuery(
    List<String> columns,
    List<Filter> filters,
    List<String> groupBy,
    List<Aggregate> aggregates,
    List<Order> orderBy,
    int limit) {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1_000;

  public UploadQuery {
    columns = copy(columns);
    filters = copy(filters);
    groupBy = copy(groupBy);
    aggregates = copy(aggregates);
    orderBy = copy(orderBy);
  }

  /** Every row's columns, the first {@value #DEFAULT_LIMIT} rows. */
  public static UploadQuery all() {
    return new UploadQuery(List.of(), List.of(), List.of(), List.of(), List.of(), DEFAULT_LIMIT);
  }

  boolean aggregated() {
    return !groupBy.isEmpty() || !aggregates.isEmpty();
  }

  private static <T> List<T> copy(List<T> list) {
    // Not List.copyOf: a null element must reach validation and be named, not throw here.
    return list == null
        ? List.of()
        : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(list));
  }

  /**
   * @param values one value, several for {@code in}, none for {@code is_null}/{@code not_null}
   */
  public record Filter(String column, FilterOp op, List<Object> values) {
    public Filter {
      values = copy(values);
    }

    public static Filter of(String column, FilterOp op, Object... values) {
      return new Filter(column, op, java.util.Arrays.asList(values));
    }
  }

  /**
   * @param column a column name, or {@code *} for {@code count}
   * @param alias the output name; {@code null} for {@code fn_column} (or {@code count})
   */
  public record Aggregate(AggregateFn fn, String column, String alias) {}

  /**
   * @param name an output column or an aggregate's alias (any column when not grouping)
   */
  public record Order(String name, boolean descending) {
    public static Order asc(String name) {
      return new Order(name, false);
    }

    public static Order desc(String name) {
      return new Order(name, true);
    }
  }
}
