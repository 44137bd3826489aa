package io.claribi.tiering.boundary.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.tiering.api.OrganizationView;
import io.claribi.tiering.api.Plan;
import io.claribi.tiering.api.ToolCallHistory;
import io.claribi.tiering.api.ToolCallUsage;
import io.claribi.tiering.boundary.OrganizationPlans;
import io.claribi.tiering.boundary.UsageHistory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The console's "Plan and usage" page: the plan in words, the month's meter and its warning. */
class PlanAndUsagePageTest {

  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

  private static PlanAndUsagePage showing(Plan plan, long used, long limit) {
    OrganizationView organization =
        new OrganizationView(
            "acme", "Acme", plan, NOW.minusSeconds(86_400), ToolCallUsage.of(NOW, used, limit));
    PlanAndUsagePage cut = new PlanAndUsagePage();
    cut.plans =
        new OrganizationPlans() {
          @Override
          public OrganizationView currentOrganization() {
            return organization;
          }
        };
    cut.usage =
        new UsageHistory() {
          @Override
          public ToolCallHistory history(String month, String connection, String tool) {
            LocalDate first = LocalDate.parse("2026-11-01");
            return new ToolCallHistory(
                "2026-11",
                limit,
                used,
                used,
                connection,
                tool,
                List.of(new ToolCallHistory.Day(first, used, used)),
                List.of(),
                List.of());
          }
        };
    cut.show(Map.of());
    return cut;
  }

  @ParameterizedTest(name = "{0} of {1} -> {2} %")
  @CsvSource({
    "0, 50, 0",
    "1, 3, 33",
    "25, 50, 50",
    "49, 50, 98",
    "50, 50, 100",
    "80, 50, 100",
    "0, 0, 100",
    "3, 0, 100"
  })
  void the_meter_shows_the_share_used_from_0_to_100(long used, long limit, int percent) {
    assertThat(showing(Plan.TRIAL, used, limit).getPercentUsed()).isEqualTo(percent);
  }

  @Test
  void the_page_shows_the_plan_numbers_and_the_reset_in_words() {
    PlanAndUsagePage cut = showing(Plan.PROFESSIONAL, 12_345, 250_000);

    assertThat(cut.getName()).isEqualTo("Acme");
    assertThat(cut.getPlan()).isEqualTo("Professional");
    assertThat(cut.getToolCallsUsed()).isEqualTo("12,345");
    assertThat(cut.getToolCallsLimit()).isEqualTo("250,000");
    assertThat(cut.getToolCallsLeft()).isEqualTo("237,655");
    assertThat(cut.getPeriod()).isEqualTo("November 2026");
    assertThat(cut.getResetsAt()).isEqualTo("1 December 2026 (00:00 UTC)");
    assertThat(cut.getQuotaWarning()).isEmpty();
  }

  @Test
  void on_lite_the_page_lists_no_mcp_catalog_and_no_audit_trail_and_offers_the_larger_plans() {
    PlanAndUsagePage cut = showing(Plan.LITE, 0, 10_000);

    assertThat(cut.getEntitlements())
        .containsExactly(
            "Google Analytics, Google Ads, Meta Ads and Jira connectors",
            "File uploads as a data source");
    assertThat(cut.getLargerPlans())
        .extracting(PlanAndUsagePage.PlanOffer::name)
        .containsExactly("Trial", "Starter", "Professional", "Enterprise");
    assertThat(cut.getLargerPlans().get(2).adds())
        .containsExactly(
            "Vendors' MCP servers from the catalog (Stripe, HubSpot, Jira, …)",
            "Audit trail: who connected, used and disconnected what, with exports");
  }

  @Test
  void from_80_percent_on_the_page_warns_and_at_the_limit_it_says_calls_are_refused() {
    assertThat(showing(Plan.STARTER, 39_999, 50_000).getQuotaWarning()).isEmpty();
    PlanAndUsagePage near = showing(Plan.STARTER, 40_000, 50_000);
    assertThat(near.getQuotaWarning())
        .startsWith("You have used 80 % of this month's tool calls; 10,000 are left until")
        .contains("1 December 2026");
    assertThat(near.isQuotaExhausted()).isFalse();
    PlanAndUsagePage spent = showing(Plan.STARTER, 50_000, 50_000);
    assertThat(spent.getQuotaWarning()).startsWith("All of this month's tool calls are used");
    assertThat(spent.isQuotaExhausted()).isTrue();
  }

  @Test
  void on_enterprise_no_larger_plan_is_offered() {
    assertThat(showing(Plan.ENTERPRISE, 0, 2_000_000).getLargerPlans()).isEmpty();
  }
}
