package io.claribi.tiering.boundary;

import io.claribi.platform.api.ProblemException;
import io.claribi.tiering.api.ToolCallHistory;
import io.claribi.tiering.api.ToolCallUsage;
import io.claribi.tiering.control.ToolCallMeters;
import io.claribi.tiering.control.ToolCallTallies;
import io.claribi.tiering.entity.DailyToolCalls;
import io.claribi.tiering.entity.ToolCallMeter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The transaction boundary of the caller's tool-call history: {@code GET
 * /api/v1/organization/usage} and the console's usage chart read the same thing here.
 */
@ApplicationScoped
public class UsageHistory {

  @Inject ToolCallTallies tallies;
  @Inject ToolCallMeters meters;
  @Inject OrganizationPlans plans;
  @Inject Clock clock;

  /**
   * @param month {@code yyyy-MM}, or null for this month
   * @param connection only this connection's calls, or null
   * @param tool only this tool's calls, or null
   */
  @Transactional
  public ToolCallHistory history(String month, String connection, String tool) {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    YearMonth period = month == null || month.isBlank() ? YearMonth.from(today) : parse(month);
    if (period.isAfter(YearMonth.from(today))) {
      throw ProblemException.badRequest(
          "MONTH_INVALID", "The month " + period + " has not begun: nothing was called in it yet.");
    }
    ToolCallUsage usage = plans.currentOrganization().toolCalls();
    LocalDate first = period.atDay(1);
    LocalDate last = period.equals(YearMonth.from(today)) ? today : period.atEndOfMonth();
    List<DailyToolCalls> rows = tallies.between(first, last);
    long admitted =
        usage.period().equals(period.toString())
            ? usage.used()
            : meters.read(period.toString()).stream().mapToLong(ToolCallMeter::calls).sum();
    return ToolCallTotals.of(period, usage.limit(), admitted, first, last, rows, connection, tool);
  }

  private static YearMonth parse(String month) {
    try {
      return YearMonth.parse(month.strip());
    } catch (DateTimeParseException unreadable) {
      throw ProblemException.badRequest(
          "MONTH_INVALID", "The month must be written as year and month, e.g. 2026-12.");
    }
  }
}
