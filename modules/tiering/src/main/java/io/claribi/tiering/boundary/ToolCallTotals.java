package io.claribi.tiering.boundary;

import io.claribi.tiering.api.ToolCallHistory;
import io.claribi.tiering.entity.DailyToolCalls;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Adds a month's daily counts up by day, connection and tool, narrowed to one if asked. */
final class ToolCallTotals {

  private ToolCallTotals() {}

  static ToolCallHistory of(
      YearMonth period,
      long quota,
      long admitted,
      LocalDate first,
      LocalDate last,
      List<DailyToolCalls> rows,
      String connection,
      String tool) {
    String onlyConnection = blankToNull(connection);
    String onlyTool = blankToNull(tool);
    Map<LocalDate, Long> perDay = new TreeMap<>();
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      perDay.put(day, 0L);
    }
    Map<String, ToolCallHistory.ByConnection> perConnection = new LinkedHashMap<>();
    Map<List<String>, Long> perTool = new LinkedHashMap<>();
    long recorded = 0;
    for (DailyToolCalls row : rows) {
      if (onlyConnection != null && !onlyConnection.equals(row.connection())
          || onlyTool != null && !onlyTool.equals(row.tool())
          || !perDay.containsKey(row.day())) {
        continue;
      }
      recorded += row.calls();
      perDay.merge(row.day(), row.calls(), Long::sum);
      perConnection.merge(
          row.connection(),
          new ToolCallHistory.ByConnection(row.connection(), row.vendor(), row.calls()),
          (a, b) ->
              new ToolCallHistory.ByConnection(a.connection(), a.vendor(), a.calls() + b.calls()));
      perTool.merge(List.of(row.vendor(), row.tool()), row.calls(), Long::sum);
    }
    List<ToolCallHistory.Day> days = new ArrayList<>();
    long sinceStart = 0;
    for (Map.Entry<LocalDate, Long> day : perDay.entrySet()) {
      sinceStart += day.getValue();
      days.add(new ToolCallHistory.Day(day.getKey(), day.getValue(), sinceStart));
    }
    List<ToolCallHistory.ByConnection> byConnection =
        perConnection.values().stream()
            .sorted(
                Comparator.comparingLong(ToolCallHistory.ByConnection::calls)
                    .reversed()
                    .thenComparing(ToolCallHistory.ByConnection::connection))
            .toList();
    List<ToolCallHistory.ByTool> byTool =
        perTool.entrySet().stream()
            .map(
                e -> new ToolCallHistory.ByTool(e.getKey().get(0), e.getKey().get(1), e.getValue()))
            .sorted(
                Comparator.comparingLong(ToolCallHistory.ByTool::calls)
                    .reversed()
                    .thenComparing(ToolCallHistory.ByTool::vendor)
                    .thenComparing(ToolCallHistory.ByTool::tool))
            .toList();
    return new ToolCallHistory(
        period.toString(),
        quota,
        admitted,
        recorded,
        onlyConnection,
        onlyTool,
        days,
        byConnection,
        byTool);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
