package io.claribi.tiering.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.tiering.api.ToolCallHistory;
import io.claribi.tiering.entity.DailyToolCalls;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A month's daily counts added up by day, connection and tool. */
class ToolCallTotalsTest {

  private static final LocalDate FIRST = LocalDate.parse("2026-12-01");
  private static final LocalDate TODAY = LocalDate.parse("2026-12-05");

  private static DailyToolCalls row(String day, String connection, String tool, int calls) {
    DailyToolCalls row =
        new DailyToolCalls(
            new DailyToolCalls.Key(LocalDate.parse(day), connection, tool), "acme-payments");
    for (int i = 1; i < calls; i++) {
      row.countOne();
    }
    return row;
  }

  private static final List<DailyToolCalls> ROWS =
      List.of(
          row("2026-12-01", "c1", "list_customers", 3),
          row("2026-12-01", "c2", "list_customers", 1),
          row("2026-12-03", "c1", "retrieve_balance", 5),
          row("2026-12-05", "c2", "retrieve_balance", 2));

  private static ToolCallHistory totals(String connection, String tool) {
    return ToolCallTotals.of(
        YearMonth.of(2026, 12), 50_000, 11, FIRST, TODAY, ROWS, connection, tool);
  }

  @Test
  void every_day_up_to_today_has_its_calls_and_the_running_total() {
    ToolCallHistory cut = totals(null, null);

    assertThat(cut.days())
        .extracting(ToolCallHistory.Day::calls)
        .containsExactly(4L, 0L, 5L, 0L, 2L);
    assertThat(cut.days())
        .extracting(ToolCallHistory.Day::sinceMonthStart)
        .containsExactly(4L, 4L, 9L, 9L, 11L);
    assertThat(cut.recorded()).isEqualTo(11);
    assertThat(cut.quota()).isEqualTo(50_000);
  }

  @Test
  void the_breakdowns_add_up_to_the_total_most_first() {
    ToolCallHistory cut = totals(null, null);

    assertThat(cut.byConnection())
        .containsExactly(
            new ToolCallHistory.ByConnection("c1", "acme-payments", 8),
            new ToolCallHistory.ByConnection("c2", "acme-payments", 3));
    assertThat(cut.byTool())
        .containsExactly(
            new ToolCallHistory.ByTool("acme-payments", "retrieve_balance", 7),
            new ToolCallHistory.ByTool("acme-payments", "list_customers", 4));
  }

  @Test
  void a_connection_or_a_tool_narrows_everything_to_it() {
    ToolCallHistory oneConnection = totals("c2", null);
    assertThat(oneConnection.recorded()).isEqualTo(3);
    assertThat(oneConnection.days())
        .extracting(ToolCallHistory.Day::calls)
        .containsExactly(1L, 0L, 0L, 0L, 2L);

    ToolCallHistory oneTool = totals(" ", "retrieve_balance");
    assertThat(oneTool.connection()).isNull();
    assertThat(oneTool.recorded()).isEqualTo(7);
    assertThat(oneTool.byConnection()).hasSize(2);
  }

  @Test
  void a_month_without_calls_has_its_days_at_zero() {
    ToolCallHistory cut =
        ToolCallTotals.of(YearMonth.of(2026, 12), 1_000, 0, FIRST, TODAY, List.of(), null, null);

    assertThat(cut.days()).hasSize(5).allSatisfy(d -> assertThat(d.calls()).isZero());
    assertThat(cut.byConnection()).isEmpty();
  }
}
