package io.claribi.uploads.control.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claribi.platform.api.ProblemException;
import io.claribi.uploads.control.duckdb.UploadQuery.Aggregate;
import io.claribi.uploads.control.duckdb.UploadQuery.Filter;
import io.claribi.uploads.control.duckdb.UploadQuery.Order;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class UploadQueryArgumentsTest {

  /** Also checked against the published schema by the gateway's UploadToolSchemasTest. */
  static final String EXAMPLE =
      """
      {"columns": ["region"],
       "filters": [{"column": "amount", "op": "gt", "value": 5},
                   {"column": "region", "op": "in", "values": ["north", "south"]},
                   {"column": "day", "op": "not_null"}],
       "group_by": ["region"],
       "aggregates": [{"fn": "count"}, {"fn": "sum", "column": "amount", "alias": "total"}],
       "order_by": [{"column": "total", "direction": "desc"}, {"column": "region"}],
       "limit": 20}
      """;

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String text) {
    return JsonMapper.shared().readValue(text, Map.class);
  }

  private static void assertInvalid(Map<String, Object> arguments, String detail) {
    assertThatThrownBy(() -> UploadQueryArguments.parse(arguments))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo("UPLOAD_QUERY_INVALID");
              assertThat(e.detail()).contains(detail);
            });
  }

  @Test
  void tool_arguments_become_the_query() {
    UploadQuery cut = UploadQueryArguments.parse(json(EXAMPLE));

    assertThat(cut.columns()).containsExactly("region");
    assertThat(cut.filters())
        .containsExactly(
            new Filter("amount", FilterOp.GT, List.of(5)),
            new Filter("region", FilterOp.IN, List.of("north", "south")),
            new Filter("day", FilterOp.NOT_NULL, List.of()));
    assertThat(cut.groupBy()).containsExactly("region");
    assertThat(cut.aggregates())
        .containsExactly(
            new Aggregate(AggregateFn.COUNT, "*", null),
            new Aggregate(AggregateFn.SUM, "amount", "total"));
    assertThat(cut.orderBy()).containsExactly(Order.desc("total"), Order.asc("region"));
    assertThat(cut.limit()).isEqualTo(20);
  }

  @Test
  void no_arguments_mean_the_first_hundred_rows() {
    assertThat(UploadQueryArguments.parse(Map.of())).isEqualTo(UploadQuery.all());
    assertThat(UploadQueryArguments.parse(null)).isEqualTo(UploadQuery.all());
  }

  @Test
  void the_callers_own_keys_are_skipped_and_others_refused() {
    var arguments = Map.<String, Object>of("upload_id", "u-1", "limit", 5);

    assertThat(UploadQueryArguments.parse(arguments, Set.of("upload_id")).limit()).isEqualTo(5);
    assertInvalid(arguments, "Unknown argument \"upload_id\"");
  }

  @Test
  void wrong_shapes_are_named_by_where_they_are() {
    assertInvalid(Map.of("columns", "region"), "columns must be a list");
    assertInvalid(Map.of("columns", List.of(1)), "columns[0] must be a string");
    assertInvalid(Map.of("filters", List.of("x")), "filters[0] must be an object");
    assertInvalid(
        Map.of("filters", List.of(Map.of("column", "a", "op", "like", "value", "x"))),
        "filters[0].op \"like\" is not one of");
    assertInvalid(
        Map.of("filters", List.of(Map.of("column", "a", "op", "eq", "value", List.of()))),
        "filters[0].value must be a string, number or boolean");
    assertInvalid(
        Map.of(
            "filters",
            List.of(Map.of("column", "a", "op", "eq", "value", 1, "values", List.of(1)))),
        "both value and values");
    assertInvalid(
        Map.of("aggregates", List.of(Map.of("fn", "median", "column", "a"))),
        "aggregates[0].fn \"median\" is not one of");
    assertInvalid(
        Map.of("order_by", List.of(Map.of("column", "a", "direction", "down"))),
        "direction must be asc or desc");
    assertInvalid(Map.of("order_by", List.of(Map.of("col", "a"))), "unknown key \"col\"");
  }

  @Test
  void limit_is_a_whole_number_from_1_to_1000() {
    assertThat(UploadQueryArguments.parse(Map.of("limit", 1000.0)).limit()).isEqualTo(1000);
    assertInvalid(Map.of("limit", 0), "between 1 and 1000");
    assertInvalid(Map.of("limit", 1001), "between 1 and 1000");
    assertInvalid(Map.of("limit", 2.5), "whole number");
    assertInvalid(Map.of("limit", "10"), "whole number");
  }
}
