package io.claribi.uploads.control.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claribi.platform.api.ProblemException;
import io.claribi.uploads.control.duckdb.UploadQuery.Aggregate;
import io.claribi.uploads.control.duckdb.UploadQuery.Filter;
import io.claribi.uploads.control.duckdb.UploadQuery.Order;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadReadsTest {

  private static final String SALES =
      """
      region,product,amount,units,day
      north,apple,10.5,3,2024-01-05
      north,pear,4.25,1,2024-01-06
      south,apple,7,2,2024-02-01
      south,plum,,5,2024-02-02
      east,apple,1.25,1,2024-03-10
      """;

  @TempDir Path dir;

  private final UploadReads cut = new UploadReads();

  private Path csv(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private UploadResult query(Path file, UploadQuery query) {
    return cut.query(file, UploadFormat.sniff(file), query);
  }

  private static UploadQuery where(List<Filter> filters, List<Order> order, int limit) {
    return new UploadQuery(List.of(), filters, List.of(), List.of(), order, limit);
  }

  private static ProblemException problem(Runnable call) {
    try {
      call.run();
    } catch (ProblemException e) {
      return e;
    }
    throw new AssertionError("expected a ProblemException");
  }

  @Test
  void describe_names_columns_duckdb_types_and_rows() throws IOException {
    Path file = csv("sales.csv", SALES);

    UploadSchema schema = cut.describe(file, UploadFormat.CSV);

    assertThat(schema.rowCount()).isEqualTo(5);
    assertThat(schema.columns())
        .containsExactly(
            new UploadColumn("region", "VARCHAR"),
            new UploadColumn("product", "VARCHAR"),
            new UploadColumn("amount", "DOUBLE"),
            new UploadColumn("units", "BIGINT"),
            new UploadColumn("day", "DATE"));
    assertThat(schema.asMap()).containsEntry("format", "csv").containsEntry("rowCount", 5L);
  }

  @Test
  void blank_and_repeated_headers_are_renamed_the_duckdb_way() throws IOException {
    Path file = csv("dup.csv", "a,a,,b\n1,2,3,4\n");

    assertThat(cut.describe(file, UploadFormat.CSV).columns())
        .extracting(UploadColumn::name)
        .containsExactly("a", "a_1", "column2", "b");
  }

  @Test
  void a_utf8_bom_is_not_part_of_the_first_header() throws IOException {
    Path file = Files.write(dir.resolve("bom.csv"), ("\uFEFFname,n\nx,1\n").getBytes("UTF-8"));

    assertThat(cut.describe(file, UploadFormat.CSV).columns().get(0).name()).isEqualTo("name");
  }

  @Test
  void filters_select_the_matching_rows() throws IOException {
    Path file = csv("sales.csv", SALES);

    var result =
        query(
            file,
            where(
                List.of(
                    Filter.of("product", FilterOp.EQ, "apple"),
                    Filter.of("amount", FilterOp.GE, 5),
                    Filter.of("day", FilterOp.LT, "2024-03-01")),
                List.of(Order.asc("day")),
                100));

    assertThat(result.rows())
        .extracting(row -> row.get("region"))
        .containsExactly("north", "south");
    assertThat(result.truncated()).isFalse();
    assertThat(result.rows().get(0))
        .containsEntry("amount", 10.5)
        .containsEntry("units", 3L)
        .containsEntry("day", "2024-01-05");
  }

  @Test
  void every_filter_operator_does_what_its_name_says() throws IOException {
    Path file = csv("sales.csv", SALES);

    assertThat(regions(file, Filter.of("region", FilterOp.NE, "north")))
        .containsExactly("south", "south", "east");
    assertThat(regions(file, Filter.of("units", FilterOp.LE, "1")))
        .containsExactly("north", "east");
    assertThat(regions(file, Filter.of("units", FilterOp.GT, 2))).containsExactly("north", "south");
    assertThat(regions(file, Filter.of("product", FilterOp.CONTAINS, "PL")))
        .containsExactly("north", "south", "south", "east");
    assertThat(regions(file, Filter.of("region", FilterOp.STARTS_WITH, "So")))
        .containsExactly("south", "south");
    assertThat(regions(file, Filter.of("product", FilterOp.IN, "pear", "plum")))
        .containsExactly("north", "south");
    assertThat(regions(file, Filter.of("amount", FilterOp.IS_NULL))).containsExactly("south");
    assertThat(regions(file, Filter.of("amount", FilterOp.NOT_NULL))).hasSize(4);
  }

  private List<Object> regions(Path file, Filter filter) {
    return query(file, where(List.of(filter), List.of(), 100)).rows().stream()
        .map(row -> row.get("region"))
        .toList();
  }

  @Test
  void group_by_with_aggregates_and_order_by_alias() throws IOException {
    Path file = csv("sales.csv", SALES);
    var query =
        new UploadQuery(
            List.of(),
            List.of(),
            List.of("product"),
            List.of(
                new Aggregate(AggregateFn.COUNT, "*", "rows"),
                new Aggregate(AggregateFn.SUM, "units", null),
                new Aggregate(AggregateFn.AVG, "amount", "average"),
                new Aggregate(AggregateFn.COUNT_DISTINCT, "region", "regions"),
                new Aggregate(AggregateFn.MAX, "day", "last_day")),
            List.of(Order.desc("sum_units"), Order.asc("product")),
            100);

    var result = query(file, query);

    assertThat(result.columns())
        .containsExactly("product", "rows", "sum_units", "average", "regions", "last_day");
    assertThat(result.rows())
        .containsExactly(
            Map.of(
                "product",
                "apple",
                "rows",
                3L,
                "sum_units",
                6L,
                "average",
                6.25,
                "regions",
                3L,
                "last_day",
                "2024-03-10"),
            row("plum", 1L, 5L, null, 1L, "2024-02-02"),
            Map.of(
                "product",
                "pear",
                "rows",
                1L,
                "sum_units",
                1L,
                "average",
                4.25,
                "regions",
                1L,
                "last_day",
                "2024-01-06"));
  }

  private static Map<String, Object> row(
      String product, long rows, long units, Object average, long regions, String lastDay) {
    var row = new java.util.LinkedHashMap<String, Object>();
    row.put("product", product);
    row.put("rows", rows);
    row.put("sum_units", units);
    row.put("average", average);
    row.put("regions", regions);
    row.put("last_day", lastDay);
    return row;
  }

  @Test
  void aggregates_without_group_by_cover_all_filtered_rows() throws IOException {
    Path file = csv("sales.csv", SALES);
    var query =
        new UploadQuery(
            List.of(),
            List.of(Filter.of("region", FilterOp.EQ, "north")),
            List.of(),
            List.of(new Aggregate(AggregateFn.SUM, "amount", "total")),
            List.of(),
            10);

    assertThat(query(file, query).rows()).containsExactly(Map.of("total", 14.75));
  }

  @Test
  void limit_cuts_the_rows_and_says_so() throws IOException {
    Path file = csv("sales.csv", SALES);

    var limited = query(file, where(List.of(), List.of(Order.desc("amount")), 2));
    var exact = query(file, where(List.of(), List.of(), 5));

    assertThat(limited.rows()).extracting(row -> row.get("amount")).containsExactly(10.5, 7.0);
    assertThat(limited.truncated()).isTrue();
    assertThat(exact.rows()).hasSize(5);
    assertThat(exact.truncated()).isFalse();
  }

  @Test
  void the_result_size_guard_truncates_before_the_limit() throws IOException {
    Path file = csv("sales.csv", SALES);
    var small = new UploadReads(UploadLimits.defaults().withMaxResultBytes(200));

    var result = small.query(file, UploadFormat.CSV, UploadQuery.all());

    assertThat(result.rows()).hasSizeBetween(1, 3);
    assertThat(result.truncated()).isTrue();
    assertThat(result.toJson().length()).isLessThan(400);
  }

  @Test
  void selected_columns_come_back_in_the_order_asked() throws IOException {
    Path file = csv("sales.csv", SALES);
    var query =
        new UploadQuery(
            List.of("day", "region"),
            List.of(),
            List.of(),
            List.of(),
            List.of(Order.asc("units")),
            1);

    var result = query(file, query);

    assertThat(result.columns()).containsExactly("day", "region");
    assertThat(result.rows().get(0).keySet()).containsExactly("day", "region");
  }

  @Test
  void formula_cells_come_back_as_the_literal_text() throws IOException {
    Path file =
        csv("formulas.csv", "cell\n\"=HYPERLINK(\"\"http://x\"\")\"\n+1+1\n@SUM(A1)\n-2+3\n=1+1\n");

    var result = query(file, UploadQuery.all());

    assertThat(cut.describe(file, UploadFormat.CSV).columns().get(0).type()).isEqualTo("VARCHAR");
    assertThat(result.rows())
        .extracting(row -> row.get("cell"))
        .containsExactly("=HYPERLINK(\"http://x\")", "+1+1", "@SUM(A1)", "-2+3", "=1+1");
  }

  @Test
  void an_injection_attempt_in_a_filter_value_stays_a_literal() throws IOException {
    Path file = csv("sales.csv", SALES);
    var attack = Filter.of("region", FilterOp.EQ, "x'); SELECT * FROM read_csv('/etc/passwd");

    var result = query(file, where(List.of(attack), List.of(), 100));

    assertThat(result.rows()).isEmpty();
    assertThat(result.truncated()).isFalse();
  }

  @Test
  void a_column_name_with_double_quotes_is_queried_safely() throws IOException {
    Path file = csv("quotes.csv", "\"we\"\"ird\",\"x\"\" FROM upload; --\"\n1,a\n2,b\n");

    var schema = cut.describe(file, UploadFormat.CSV);
    var result =
        query(
            file,
            new UploadQuery(
                List.of("x\" FROM upload; --"),
                List.of(Filter.of("we\"ird", FilterOp.GT, 1)),
                List.of(),
                List.of(),
                List.of(Order.desc("we\"ird")),
                10));

    assertThat(schema.columns())
        .extracting(UploadColumn::name)
        .containsExactly("we\"ird", "x\" FROM upload; --");
    assertThat(result.rows()).containsExactly(Map.of("x\" FROM upload; --", "b"));
  }

  @Test
  void large_numbers_and_timestamps_are_safe_json() throws IOException {
    Path file =
        csv(
            "numbers.csv",
            "id,big,price,at\n"
                + "9007199254740993,123456789012345678901234567890,1.5,2024-01-02 03:04:00\n");

    var row = query(file, UploadQuery.all()).rows().get(0);
    var json = query(file, UploadQuery.all()).toJson();

    assertThat(row)
        .containsEntry("id", "9007199254740993")
        .containsEntry("big", "123456789012345678901234567890")
        .containsEntry("at", "2024-01-02T03:04:00");
    assertThat(json)
        .contains("\"big\":\"123456789012345678901234567890\"")
        .contains("\"price\":1.5");
  }

  @Test
  void a_late_value_that_contradicts_the_sampled_type_is_read_as_text() throws IOException {
    var content = new StringBuilder("code\n");
    for (int i = 0; i < 30_000; i++) {
      content.append(i).append('\n');
    }
    content.append("A-17\n");
    Path file = csv("late.csv", content.toString());

    var schema = cut.describe(file, UploadFormat.CSV);

    assertThat(schema.columns()).containsExactly(new UploadColumn("code", "VARCHAR"));
    assertThat(schema.rowCount()).isEqualTo(30_001);
  }

  @Test
  void a_ragged_row_is_malformed_and_the_detail_names_the_line() throws IOException {
    var content = new StringBuilder("a,b\n");
    for (int i = 0; i < 30_000; i++) {
      content.append(i).append(",x\n");
    }
    content.append("1,2,3\n");
    Path file = csv("ragged.csv", content.toString());

    var e = problem(() -> cut.describe(file, UploadFormat.CSV));

    assertThat(e.status()).isEqualTo(422);
    assertThat(e.code()).isEqualTo("UPLOAD_MALFORMED");
    assertThat(e.detail())
        .contains("line 30002")
        .contains("Expected Number of Columns: 2 Found: 3")
        .doesNotContain(dir.toString());
  }

  @Test
  void an_unterminated_quote_is_malformed() throws IOException {
    var content = new StringBuilder("a,b\n");
    for (int i = 0; i < 30_000; i++) {
      content.append(i).append(",x\n");
    }
    content.append("1,\"2\n3,4\n");
    Path file = csv("quote.csv", content.toString());

    var e = problem(() -> cut.query(file, UploadFormat.CSV, UploadQuery.all()));

    assertThat(e.code()).isEqualTo("UPLOAD_MALFORMED");
    assertThat(e.detail()).contains("line 30002").contains("unterminated quote");
  }

  @Test
  void a_small_ragged_file_is_malformed_without_internals() throws IOException {
    Path file = csv("small.csv", "a,b\n1,2\n3,4,5\n6,7\n");

    var e = problem(() -> cut.describe(file, UploadFormat.CSV));

    assertThat(e.code()).isEqualTo("UPLOAD_MALFORMED");
    assertThat(e.detail())
        .contains("not consistent comma-separated values")
        .doesNotContain(dir.toString())
        .doesNotContain("Possible fixes")
        .doesNotContain("\n");
  }

  @Test
  void ten_thousand_columns_are_refused_quickly() throws IOException {
    var content = new StringBuilder();
    for (int row = 0; row < 2; row++) {
      for (int i = 0; i < 10_000; i++) {
        content.append(i == 0 ? "" : ",").append(row == 0 ? "c" + i : Integer.toString(i));
      }
      content.append('\n');
    }
    Path file = csv("wide.csv", content.toString());
    long start = System.nanoTime();

    var e = problem(() -> cut.describe(file, UploadFormat.CSV));

    assertThat(e.status()).isEqualTo(422);
    assertThat(e.code()).isEqualTo("UPLOAD_TOO_MANY_COLUMNS");
    assertThat(e.detail()).contains("more than 1024 columns").contains("at most 1024");
    assertThat(System.nanoTime() - start).isLessThan(10_000_000_000L);
  }

  @Test
  void the_column_limit_itself_is_read_and_a_quoted_comma_is_no_extra_column() throws IOException {
    var content = new StringBuilder("\"a,b\"");
    for (int i = 1; i < 1_024; i++) {
      content.append(",c").append(i);
    }
    content.append('\n').append("1,".repeat(1_023)).append("1\n");
    Path file = csv("widest.csv", content.toString());

    var schema = cut.describe(file, UploadFormat.CSV);

    assertThat(schema.columns()).hasSize(1_024);
    assertThat(schema.columns().get(0).name()).isEqualTo("a,b");
  }

  @Test
  void a_header_name_over_256_characters_is_refused() throws IOException {
    Path file = csv("long.csv", "a," + "x".repeat(300) + "\n1,2\n");

    var e = problem(() -> cut.describe(file, UploadFormat.CSV));

    assertThat(e.code()).isEqualTo("UPLOAD_COLUMN_NAME_TOO_LONG");
    assertThat(e.detail()).contains("Column 2").contains("300 characters");
  }

  @Test
  void a_header_only_file_has_columns_and_no_rows() throws IOException {
    Path file = csv("header.csv", "a,b\n");

    assertThat(cut.describe(file, UploadFormat.CSV).rowCount()).isZero();
    assertThat(cut.query(file, UploadFormat.CSV, UploadQuery.all()).rows()).isEmpty();
  }

  @Test
  void parquet_round_trip() throws Exception {
    Path file = dir.resolve("sales.parquet");
    try (var unlocked = DriverManager.getConnection("jdbc:duckdb:");
        var statement = unlocked.createStatement()) {
      statement.execute(
          "COPY (SELECT * FROM (VALUES ('north', 10.50::DECIMAL(10,2), DATE '2024-01-05'),"
              + " ('south', 7.00::DECIMAL(10,2), DATE '2024-02-01')) t(region, amount, day))"
              + " TO '"
              + file.toString().replace("'", "''")
              + "' (FORMAT parquet)");
    }

    assertThat(UploadFormat.sniff(file)).isEqualTo(UploadFormat.PARQUET);
    var schema = cut.describe(file, UploadFormat.PARQUET);
    var result =
        cut.query(
            file,
            UploadFormat.PARQUET,
            where(List.of(Filter.of("amount", FilterOp.GT, "8")), List.of(), 10));

    assertThat(schema.columns())
        .containsExactly(
            new UploadColumn("region", "VARCHAR"),
            new UploadColumn("amount", "DECIMAL(10,2)"),
            new UploadColumn("day", "DATE"));
    assertThat(result.rows())
        .containsExactly(
            Map.of("region", "north", "amount", new BigDecimal("10.50"), "day", "2024-01-05"));
  }

  @Test
  void a_file_that_is_not_parquet_read_as_parquet_is_malformed() throws IOException {
    Path file = csv("fake.parquet", "PAR1 not really PAR1");

    var e = problem(() -> cut.describe(file, UploadFormat.PARQUET));

    assertThat(e.code()).isEqualTo("UPLOAD_MALFORMED");
    assertThat(e.detail()).doesNotContain(dir.toString());
  }

  @Test
  void invalid_queries_are_refused_before_anything_runs() throws IOException {
    Path file = csv("sales.csv", SALES);
    var query =
        new UploadQuery(
            List.of(),
            List.of(),
            List.of(),
            List.of(new Aggregate(AggregateFn.SUM, "region", null)),
            List.of(),
            10);

    assertThatThrownBy(() -> query(file, query))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo("UPLOAD_QUERY_INVALID");
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.detail()).contains("sum").contains("\"region\"").contains("number");
            });
  }
}
