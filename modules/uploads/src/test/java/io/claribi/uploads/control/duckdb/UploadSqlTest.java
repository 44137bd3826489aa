package io.claribi.uploads.control.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claribi.platform.api.ProblemException;
import io.claribi.uploads.control.duckdb.UploadQuery.Aggregate;
import io.claribi.uploads.control.duckdb.UploadQuery.Filter;
import io.claribi.uploads.control.duckdb.UploadQuery.Order;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class UploadSqlTest {

  private static final UploadSchema SCHEMA =
      new UploadSchema(
          UploadFormat.CSV,
          List.of(
              new UploadColumn("region", "VARCHAR"),
              new UploadColumn("amount", "DECIMAL(18,3)"),
              new UploadColumn("day", "DATE"),
              new UploadColumn("paid", "BOOLEAN"),
              new UploadColumn("tags", "VARCHAR[]"),
              new UploadColumn("say \"hi\"", "VARCHAR")),
          10);

  private static UploadQuery query(
      List<String> columns,
      List<Filter> filters,
      List<String> groupBy,
      List<Aggregate> aggregates,
      List<Order> orderBy) {
    return new UploadQuery(columns, filters, groupBy, aggregates, orderBy, 10);
  }

  private static UploadQuery filtered(Filter... filters) {
    return query(List.of(), List.of(filters), List.of(), List.of(), List.of());
  }

  private static void assertInvalid(UploadQuery query, String... details) {
    assertThatThrownBy(() -> UploadSql.of(query, SCHEMA))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo("UPLOAD_QUERY_INVALID");
              assertThat(e.detail()).contains(details);
            });
  }

  @Test
  void values_are_bound_and_identifiers_quoted() {
    var cut =
        UploadSql.of(
            query(
                List.of("say \"hi\""),
                List.of(
                    Filter.of("region", FilterOp.EQ, "x' OR 1=1 --"),
                    Filter.of("amount", FilterOp.GE, "2.5"),
                    Filter.of("day", FilterOp.LT, "2024-02-01"),
                    Filter.of("paid", FilterOp.EQ, "true"),
                    Filter.of("region", FilterOp.IN, "a", "b")),
                List.of(),
                List.of(),
                List.of(Order.desc("amount"))),
            SCHEMA);

    assertThat(cut.sql())
        .isEqualTo(
            "SELECT \"say \"\"hi\"\"\" FROM upload WHERE \"region\" = ? AND \"amount\" >= ?"
                + " AND \"day\" < ? AND \"paid\" = ? AND \"region\" IN (?, ?)"
                + " ORDER BY \"amount\" DESC LIMIT ?");
    assertThat(cut.parameters())
        .containsExactly(
            "x' OR 1=1 --", new BigDecimal("2.5"), LocalDate.of(2024, 2, 1), true, "a", "b", 11);
    assertThat(cut.columns()).containsExactly("say \"hi\"");
  }

  @Test
  void grouping_writes_aggregates_with_quoted_aliases() {
    var cut =
        UploadSql.of(
            query(
                List.of(),
                List.of(),
                List.of("region"),
                List.of(
                    new Aggregate(AggregateFn.COUNT, "*", null),
                    new Aggregate(AggregateFn.COUNT_DISTINCT, "day", "days\""),
                    new Aggregate(AggregateFn.MIN, "amount", null)),
                List.of(Order.desc("count"))),
            SCHEMA);

    assertThat(cut.sql())
        .isEqualTo(
            "SELECT \"region\", count(*) AS \"count\", count(DISTINCT \"day\") AS \"days\"\"\","
                + " min(\"amount\") AS \"min_amount\" FROM upload GROUP BY \"region\""
                + " ORDER BY \"count\" DESC LIMIT ?");
    assertThat(cut.columns()).containsExactly("region", "count", "days\"", "min_amount");
  }

  @Test
  void unknown_columns_are_named_wherever_they_appear() {
    assertInvalid(
        query(List.of("nope"), List.of(), List.of(), List.of(), List.of()),
        "Unknown column \"nope\" in columns");
    assertInvalid(filtered(Filter.of("Region", FilterOp.EQ, "x")), "\"Region\" in filters");
    assertInvalid(
        query(List.of(), List.of(), List.of("x"), List.of(), List.of()), "\"x\" in group_by");
    assertInvalid(
        query(
            List.of(),
            List.of(),
            List.of(),
            List.of(new Aggregate(AggregateFn.MAX, "y", null)),
            List.of()),
        "\"y\" in aggregates");
    assertInvalid(
        query(List.of(), List.of(), List.of(), List.of(), List.of(Order.asc("z"))),
        "Cannot order by \"z\"");
  }

  @Test
  void sum_and_avg_need_numbers_and_star_is_for_count() {
    assertInvalid(
        query(
            List.of(),
            List.of(),
            List.of(),
            List.of(new Aggregate(AggregateFn.AVG, "day", null)),
            List.of()),
        "avg cannot be applied to column \"day\" of type DATE; it needs a number");
    assertInvalid(
        query(
            List.of(),
            List.of(),
            List.of(),
            List.of(new Aggregate(AggregateFn.SUM, "*", null)),
            List.of()),
        "Only count may use \"*\"");
    assertInvalid(
        query(
            List.of(),
            List.of(),
            List.of(),
            List.of(new Aggregate(AggregateFn.MAX, "tags", null)),
            List.of()),
        "max cannot be applied");
  }

  @Test
  void grouped_queries_select_only_group_columns_and_order_by_outputs() {
    assertInvalid(
        query(List.of("amount"), List.of(), List.of("region"), List.of(), List.of()),
        "\"amount\" is selected but not in group_by");
    assertInvalid(
        query(List.of(), List.of(), List.of("region"), List.of(), List.of(Order.asc("amount"))),
        "not a group_by column or an aggregate alias");
  }

  @Test
  void aliases_must_not_hide_a_column_or_each_other() {
    assertInvalid(
        query(
            List.of(),
            List.of(),
            List.of(),
            List.of(new Aggregate(AggregateFn.SUM, "amount", "region")),
            List.of()),
        "\"region\" is already a column");
    assertInvalid(
        query(
            List.of(),
            List.of(),
            List.of(),
            List.of(
                new Aggregate(AggregateFn.COUNT, "*", null),
                new Aggregate(AggregateFn.COUNT, "*", null)),
            List.of()),
        "\"count\" is already");
    assertInvalid(
        query(
            List.of(),
            List.of(),
            List.of(),
            List.of(new Aggregate(AggregateFn.COUNT, "*", "a\nb")),
            List.of()),
        "printable");
  }

  @Test
  void filter_values_must_fit_the_column_and_the_operator() {
    assertInvalid(filtered(Filter.of("amount", FilterOp.GT, "lots")), "a number is needed");
    assertInvalid(filtered(Filter.of("day", FilterOp.EQ, "31/01/2024")), "an ISO date is needed");
    assertInvalid(filtered(Filter.of("paid", FilterOp.EQ, "yes")), "true or false");
    assertInvalid(
        filtered(Filter.of("amount", FilterOp.CONTAINS, "1")), "contains needs a text column");
    assertInvalid(filtered(Filter.of("paid", FilterOp.LT, true)), "lt cannot compare");
    assertInvalid(filtered(Filter.of("tags", FilterOp.EQ, "a")), "only be filtered with is_null");
    assertInvalid(filtered(Filter.of("region", FilterOp.EQ)), "needs exactly one value");
    assertInvalid(filtered(Filter.of("region", FilterOp.IS_NULL, "x")), "needs no value");
    assertInvalid(filtered(Filter.of("region", FilterOp.IN)), "in needs 1 to 1000 values");
    assertInvalid(
        filtered(new Filter("region", FilterOp.EQ, java.util.Arrays.asList((Object) null))),
        "use is_null");
  }

  @Test
  void the_limit_is_checked_and_one_more_row_is_asked_for() {
    var query = new UploadQuery(List.of(), List.of(), List.of(), List.of(), List.of(), 1001);

    assertThatThrownBy(() -> UploadSql.of(query, SCHEMA))
        .hasMessageContaining("between 1 and 1000");
    assertThat(UploadSql.of(UploadQuery.all(), SCHEMA).parameters()).containsExactly(101);
  }
}
