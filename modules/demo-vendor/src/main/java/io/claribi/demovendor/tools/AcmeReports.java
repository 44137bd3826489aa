package io.claribi.demovendor.tools;

import io.claribi.demovendor.Json;
import io.claribi.demovendor.data.Ledger;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Acme's MCP resources: two JSON reports over the ledger, readable with the read scope; the same
 * for both revisions ({@link #all} for the 2025 server, {@link #resources}/{@link #read} for the
 * 2026 one).
 */
final class AcmeReports {

  static final String MONTHLY_REVENUE = "acme://reports/monthly-revenue";
  static final String PAYOUT_SCHEDULE = "acme://reports/payout-schedule";

  private record Report(Resource resource, Function<Ledger, Object> content) {}

  private static final List<Report> REPORTS =
      List.of(
          report(
              MONTHLY_REVENUE,
              "monthly-revenue",
              "Monthly revenue",
              "Paid invoice amounts less refunds, in cents, by month of the invoice.",
              l -> Map.of("currency", "usd", "months", l.monthlyRevenue())),
          report(
              PAYOUT_SCHEDULE,
              "payout-schedule",
              "Payout schedule",
              "Payouts in transit or pending, with their arrival dates.",
              l -> Map.of("payouts", l.payoutSchedule())));

  private AcmeReports() {}

  static List<SyncResourceSpecification> all(Supplier<Ledger> ledger) {
    return REPORTS.stream()
        .map(
            report ->
                new SyncResourceSpecification(
                    report.resource(),
                    (exchange, request) ->
                        read(
                            report.resource().uri(),
                            exchange.transportContext().get(Scopes.GRANTED),
                            ledger)))
        .toList();
  }

  static List<Resource> resources() {
    return REPORTS.stream().map(Report::resource).toList();
  }

  /** One report for a caller with the {@code granted} scopes (a set, or null for none). */
  static ReadResourceResult read(String uri, Object granted, Supplier<Ledger> ledger) {
    Report report =
        REPORTS.stream()
            .filter(r -> r.resource().uri().equals(uri))
            .findFirst()
            .orElseThrow(
                () ->
                    McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                        .message("Resource not found: " + uri)
                        .build());
    if (!(granted instanceof Set<?> scopes) || !scopes.contains(Scopes.READ)) {
      throw McpError.builder(McpSchema.ErrorCodes.INVALID_REQUEST)
          .message("insufficient_scope: " + uri + " needs the scope " + Scopes.READ)
          .build();
    }
    String json = Json.MAPPER.writeValueAsString(report.content().apply(ledger.get()));
    return new ReadResourceResult(List.of(new TextResourceContents(uri, "application/json", json)));
  }

  private static Report report(
      String uri, String name, String title, String description, Function<Ledger, Object> content) {
    return new Report(
        Resource.builder()
            .uri(uri)
            .name(name)
            .title(title)
            .description(description)
            .mimeType("application/json")
            .build(),
        content);
  }
}
