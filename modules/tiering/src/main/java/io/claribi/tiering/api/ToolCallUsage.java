package io.claribi.tiering.api;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * An organization's tool calls in one calendar month (UTC): how many were admitted, the plan's
 * quota, and when the count starts again.
 */
public record ToolCallUsage(String period, long used, long limit, Instant resetsAt) {

  /** The month {@code at} falls in, as {@code yyyy-MM}, and its end. */
  public static ToolCallUsage of(Instant at, long used, long limit) {
    YearMonth month = YearMonth.from(at.atZone(ZoneOffset.UTC));
    Instant end = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    return new ToolCallUsage(month.toString(), used, limit, end);
  }
}
