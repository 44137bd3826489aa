package io.claribi.tiering.api;

import java.time.LocalDate;
import java.util.List;

/**
 * An organization's tool calls in one calendar month (UTC), day by day, by connection and by tool,
 * as recorded in its audit trail, next to the month's quota.
 *
 * @param period the month, {@code yyyy-MM}
 * @param quota the plan's tool calls per month, as of now
 * @param admitted the calls counted against the quota this month (what admission refuses on)
 * @param recorded the calls in this history (within the filter, if any)
 * @param connection the connection the history is narrowed to, or null for all
 * @param tool the tool the history is narrowed to, or null for all
 * @param days every day of the month up to today (or its last day), with its calls
 * @param byConnection calls per connection, most first
 * @param byTool calls per vendor and tool, most first
 */
public record ToolCallHistory(
    String period,
    long quota,
    long admitted,
    long recorded,
    String connection,
    String tool,
    List<Day> days,
    List<ByConnection> byConnection,
    List<ByTool> byTool) {

  public ToolCallHistory {
    days = List.copyOf(days);
    byConnection = List.copyOf(byConnection);
    byTool = List.copyOf(byTool);
  }

  /** One day's calls and the month's calls up to and including it. */
  public record Day(LocalDate day, long calls, long sinceMonthStart) {}

  public record ByConnection(String connection, String vendor, long calls) {}

  public record ByTool(String vendor, String tool, long calls) {}
}
