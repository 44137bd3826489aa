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

/** Acme's MCP resources: two JSON reports over the ledger, readable with the read scope. */
final class AcmeReports {

  static final String MONTHLY_REVENUE = "acme://reports/monthly-revenue";
  static final String PAYOUT_SCHEDULE = "acme://reports/payout-schedule";

  private AcmeReports() {}

  static List<SyncResourceSpecification> all(Supplier<Ledger> ledger) {
    return List.of(
        report(
            MONTHLY_REVENUE,
            "monthly-revenue",
            "Monthly revenue",
            "Paid invoice amounts less refunds, in cents, by month of the invoice.",
            ledger,
            l -> Map.of("currency", "usd", "months", l.monthlyRevenue())),
        report(
            PAYOUT_SCHEDULE,
            "payout-schedule",
            "Payout schedule",
            "Payouts in transit or pending, with their arrival dates.",
            ledger,
            l -> Map.of("payouts", l.payoutSchedule())));
  }

  private static SyncResourceSpecification report(
      String uri,
      String name,
      String title,
      String description,
      Supplier<Ledger> ledger,
      Function<Ledger, Object> content) {
    Resource resource =
        Resource.builder()
            .uri(uri)
            .name(name)
            .title(title)
            .description(description)
            .mimeType("application/json")
            .build();
    return new SyncResourceSpecification(
        resource,
        (exchange, request) -> {
          Object granted = exchange.transportContext().get(Scopes.GRANTED);
          if (!(granted instanceof Set<?> scopes) || !scopes.contains(Scopes.READ)) {
            throw McpError.builder(McpSchema.ErrorCodes.INVALID_REQUEST)
                .message("insufficient_scope: " + uri + " needs the scope " + Scopes.READ)
                .build();
          }
          String json = Json.MAPPER.writeValueAsString(content.apply(ledger.get()));
          return new ReadResourceResult(
              List.of(new TextResourceContents(uri, "application/json", json)));
        });
  }
}
