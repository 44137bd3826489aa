package io.claribi.uploads.control.duckdb;

import io.claribi.uploads.control.duckdb.UploadQuery.Aggregate;
import io.claribi.uploads.control.duckdb.UploadQuery.Filter;
import io.claribi.uploads.control.duckdb.UploadQuery.Order;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One query as SQL over the table {@code upload}. Identifiers come only from the schema or from
 * checked aliases, quoted; every value, the limit included, is a bound parameter. No text of the
 * request is ever written into the SQL.
 *
 * @param sql the statement, asking for one row more than the limit to tell truncation
 * @param parameters bound in order
 * @param columns the output column names
 * @param limit the rows the caller may see
 */
record UploadSql(String sql, List<Object> parameters, List<String> columns, int limit) {

  static final int MAX_ALIAS_LENGTH = 64;
  static final int MAX_IN_VALUES = 1_000;

  /** Checks the query against the schema and writes it, or says what is wrong. */
  static UploadSql of(UploadQuery query, UploadSchema schema) {
    return new Writer(query, schema).write();
  }

  private static final class Writer {
    private final UploadQuery query;
    private final UploadSchema schema;
    private final List<Object> parameters = new ArrayList<>();

    /** Output name to its SQL expression: columns quoted, aggregates with their alias. */
    private final Map<String, String> outputs = new LinkedHashMap<>();

    Writer(UploadQuery query, UploadSchema schema) {
      this.query = query;
      this.schema = schema;
    }

    UploadSql write() {
      int limit = query.limit();
      if (limit < 1 || limit > UploadQuery.MAX_LIMIT) {
        throw QueryInvalid.because("limit must be between 1 and " + UploadQuery.MAX_LIMIT + ".");
      }
      List<String> groups = distinctColumns("group_by", query.groupBy());
      List<String> selected = distinctColumns("columns", query.columns());
      selectColumns(selected, groups);
      query.aggregates().forEach(this::aggregate);

      StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", outputs.values()));
      sql.append(" FROM ").append(LockedDownDuckDb.TABLE);
      where(sql);
      if (!groups.isEmpty()) {
        sql.append(" GROUP BY ")
            .append(String.join(", ", groups.stream().map(Identifiers::quote).toList()));
      }
      orderBy(sql);
      sql.append(" LIMIT ?");
      parameters.add(limit + 1);
      return new UploadSql(
          sql.toString(), List.copyOf(parameters), List.copyOf(outputs.keySet()), limit);
    }

    private void selectColumns(List<String> selected, List<String> groups) {
      if (query.aggregated()) {
        for (String name : selected) {
          if (!groups.contains(name)) {
            throw QueryInvalid.because(
                "Column "
                    + QueryInvalid.quoted(name)
                    + " is selected but not in group_by; when grouping or aggregating, select"
                    + " only group_by columns.");
          }
        }
        (selected.isEmpty() ? groups : selected).forEach(this::output);
      } else if (selected.isEmpty()) {
        schema.columns().forEach(column -> output(column.name()));
      } else {
        selected.forEach(this::output);
      }
    }

    private void output(String column) {
      outputs.put(column, Identifiers.quote(column));
    }

    private void aggregate(Aggregate aggregate) {
      if (aggregate == null || aggregate.fn() == null) {
        throw QueryInvalid.because(
            "Each aggregate needs fn: count, count_distinct, sum, avg, min or max.");
      }
      AggregateFn fn = aggregate.fn();
      String column = aggregate.column() == null ? "*" : aggregate.column();
      String operand;
      if (column.equals("*")) {
        if (fn != AggregateFn.COUNT) {
          throw QueryInvalid.because(
              "Only count may use \"*\"; " + fn.wireName() + " needs a column.");
        }
        operand = "*";
      } else {
        UploadColumn target = column(column, "aggregates");
        if (!fn.accepts(target.kind())) {
          throw QueryInvalid.because(
              fn.wireName()
                  + " cannot be applied to column "
                  + QueryInvalid.quoted(column)
                  + " of type "
                  + target.type()
                  + (fn == AggregateFn.SUM || fn == AggregateFn.AVG
                      ? "; it needs a number."
                      : "."));
        }
        operand = Identifiers.quote(column);
      }
      String alias = alias(aggregate, fn, column);
      outputs.put(alias, fn.sql(operand) + " AS " + Identifiers.quote(alias));
    }

    private String alias(Aggregate aggregate, AggregateFn fn, String column) {
      String alias =
          aggregate.alias() != null
              ? aggregate.alias()
              : column.equals("*") ? fn.wireName() : fn.wireName() + "_" + column;
      if (alias.isBlank()
          || alias.length() > MAX_ALIAS_LENGTH
          || alias.chars().anyMatch(Character::isISOControl)) {
        throw QueryInvalid.because(
            "An alias must be 1 to " + MAX_ALIAS_LENGTH + " printable characters.");
      }
      if (schema.column(alias).isPresent() || outputs.containsKey(alias)) {
        throw QueryInvalid.because(
            "The output name "
                + QueryInvalid.quoted(alias)
                + " is already a column or another aggregate; give the aggregate a different alias.");
      }
      return alias;
    }

    private void where(StringBuilder sql) {
      List<String> conditions = new ArrayList<>();
      for (Filter filter : query.filters()) {
        conditions.add(condition(filter));
      }
      if (!conditions.isEmpty()) {
        sql.append(" WHERE ").append(String.join(" AND ", conditions));
      }
    }

    private String condition(Filter filter) {
      if (filter == null || filter.op() == null) {
        throw QueryInvalid.because(
            "Each filter needs op: eq, ne, lt, le, gt, ge, contains, starts_with, in, is_null or"
                + " not_null.");
      }
      FilterOp op = filter.op();
      UploadColumn column = column(filter.column(), "filters");
      List<Object> values = filter.values();
      int expected = op.valueCount(values.size());
      if (op == FilterOp.IN && (values.isEmpty() || values.size() > MAX_IN_VALUES)) {
        throw QueryInvalid.because("in needs 1 to " + MAX_IN_VALUES + " values.");
      }
      if (values.size() != expected) {
        throw QueryInvalid.because(
            op.wireName()
                + " on "
                + QueryInvalid.quoted(column.name())
                + " needs "
                + (expected == 0 ? "no value." : "exactly one value."));
      }
      if (op.needsText() && column.kind() != ColumnKind.TEXT) {
        throw QueryInvalid.because(
            op.wireName()
                + " needs a text column; "
                + QueryInvalid.quoted(column.name())
                + " has type "
                + column.type()
                + ".");
      }
      if (op.needsOrder() && !column.kind().ordered()) {
        throw QueryInvalid.because(
            op.wireName()
                + " cannot compare column "
                + QueryInvalid.quoted(column.name())
                + " of type "
                + column.type()
                + ".");
      }
      for (Object value : values) {
        parameters.add(FilterValues.bindable(column, value));
      }
      return op.sql(Identifiers.quote(column.name()), values.size());
    }

    private void orderBy(StringBuilder sql) {
      List<String> orders = new ArrayList<>();
      for (Order order : query.orderBy()) {
        if (order == null || order.name() == null) {
          throw QueryInvalid.because("Each order_by entry needs a column or alias.");
        }
        boolean known =
            outputs.containsKey(order.name())
                || (!query.aggregated() && schema.column(order.name()).isPresent());
        if (!known) {
          throw QueryInvalid.because(
              "Cannot order by "
                  + QueryInvalid.quoted(order.name())
                  + ": it is not "
                  + (query.aggregated()
                      ? "a group_by column or an aggregate alias."
                      : "a column."));
        }
        orders.add(Identifiers.quote(order.name()) + (order.descending() ? " DESC" : " ASC"));
      }
      if (!orders.isEmpty()) {
        sql.append(" ORDER BY ").append(String.join(", ", orders));
      }
    }

    private List<String> distinctColumns(String field, List<String> names) {
      Set<String> seen = new HashSet<>();
      for (String name : names) {
        column(name, field);
        if (!seen.add(name)) {
          throw QueryInvalid.because(
              "Column " + QueryInvalid.quoted(name) + " appears twice in " + field + ".");
        }
      }
      return names;
    }

    private UploadColumn column(String name, String field) {
      if (name == null) {
        throw QueryInvalid.because("A column name in " + field + " is missing.");
      }
      return schema
          .column(name)
          .orElseThrow(
              () ->
                  QueryInvalid.because(
                      "Unknown column "
                          + QueryInvalid.quoted(name)
                          + " in "
                          + field
                          + "; describe_upload lists the columns."));
    }
  }
}
