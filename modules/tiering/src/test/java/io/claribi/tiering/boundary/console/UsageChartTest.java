package io.claribi.tiering.boundary.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.tiering.api.ToolCallHistory;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The usage charts' geometry: bars within the drawing area, the quota line where it belongs. */
class UsageChartTest {

  private static ToolCallHistory history(long quota, long... perDay) {
    List<ToolCallHistory.Day> days = new java.util.ArrayList<>();
    long total = 0;
    for (int i = 0; i < perDay.length; i++) {
      total += perDay[i];
      days.add(new ToolCallHistory.Day(LocalDate.of(2026, 12, i + 1), perDay[i], total));
    }
    return new ToolCallHistory(
        "2026-12", quota, total, total, null, null, days, List.of(), List.of());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"0, 10", "7, 10", "10, 10", "11, 20", "20, 20", "21, 50", "499, 500", "501, 1000"})
  void the_daily_axis_ends_at_a_round_number(long max, long axis) {
    assertThat(UsageChart.roundUp(max)).isEqualTo(axis);
  }

  @Test
  void the_tallest_day_is_as_high_as_the_axis_allows_and_each_bar_stands_on_the_axis() {
    UsageChart cut = UsageChart.of(history(1_000, 10, 0, 5));

    assertThat(cut.getBars()).hasSize(3);
    assertThat(cut.getBars().get(0).height()).isEqualTo(UsageChart.HEIGHT);
    assertThat(cut.getBars().get(1).height()).isZero();
    assertThat(cut.getBars().get(2).height()).isEqualTo(UsageChart.HEIGHT / 2);
    assertThat(cut.getBars())
        .allSatisfy(b -> assertThat(b.y() + b.height()).isEqualTo(cut.getBottom()));
    assertThat(cut.getBars().get(2).getCalls()).isEqualTo("5");
    assertThat(cut.getDailyMax()).isEqualTo("10");
  }

  @Test
  void the_quota_line_is_at_the_top_until_the_calls_pass_it() {
    UsageChart under = UsageChart.of(history(1_000, 100, 100));
    assertThat(under.getQuotaY()).isEqualTo(under.getTop());
    assertThat(under.getRunningTotal()).endsWith("," + (under.getBottom() - 32));

    UsageChart over = UsageChart.of(history(100, 150, 50));
    assertThat(over.getQuotaY()).isEqualTo(over.getBottom() - UsageChart.HEIGHT / 2);
    assertThat(over.getRunningTotal()).endsWith("," + over.getTop());
  }
}
