package io.claribi.tiering.boundary.console;

import io.claribi.platform.api.console.ConsoleText;
import io.claribi.tiering.api.Entitlement;
import io.claribi.tiering.api.Plan;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the console names plans, what they include, months and amounts, for people. */
final class PlanWords {

  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private PlanWords() {}

  static String plan(Plan plan) {
    return ConsoleText.title(plan);
  }

  static String entitlement(Entitlement entitlement) {
    return switch (entitlement) {
      case MCP_CATALOG -> "Vendors' MCP servers from the catalog (Stripe, HubSpot, Jira, …)";
      case NATIVE_CONNECTORS -> "Google Analytics, Google Ads, Meta Ads and Jira connectors";
      case FILE_UPLOADS -> "File uploads as a data source";
      case AUDIT_TRAIL -> "Audit trail: who connected, used and disconnected what, with exports";
    };
  }

  static String month(String period) {
    return MONTH.format(YearMonth.parse(period));
  }

  /** A month's end, which is the next month's first instant: "1 January 2027 (00:00 UTC)". */
  static String day(Instant instant) {
    return DAY.format(instant) + " (00:00 UTC)";
  }

  static String number(long value) {
    return String.format(Locale.US, "%,d", value);
  }
}
