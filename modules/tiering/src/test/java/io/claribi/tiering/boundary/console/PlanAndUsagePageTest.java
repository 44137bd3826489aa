package io.claribi.tiering.boundary.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.tiering.api.Entitlement;
import io.claribi.tiering.api.OrganizationView;
import io.claribi.tiering.api.Plan;
import io.claribi.tiering.api.ToolCallUsage;
import io.claribi.tiering.boundary.OrganizationPlans;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The console's "Plan and usage" page: the plan, what it includes, and the month's meter. */
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
    cut.load();
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
  void the_page_shows_the_month_its_reset_and_the_plans_entitlements() {
    PlanAndUsagePage cut = showing(Plan.TRIAL, 12, 50);

    assertThat(cut.getId()).isEqualTo("acme");
    assertThat(cut.getName()).isEqualTo("Acme");
    assertThat(cut.getPlan()).isEqualTo("TRIAL");
    assertThat(cut.getToolCallsUsed()).isEqualTo(12);
    assertThat(cut.getToolCallsLimit()).isEqualTo(50);
    assertThat(cut.getPeriod()).isEqualTo("2026-11");
    assertThat(cut.getResetsAt()).isEqualTo(java.time.Instant.parse("2026-12-01T00:00:00Z"));
    assertThat(cut.getEntitlements())
        .containsExactly(
            Entitlement.MCP_CATALOG, Entitlement.NATIVE_CONNECTORS, Entitlement.FILE_UPLOADS);
  }

  @Test
  void on_lite_the_page_lists_no_mcp_catalog_and_no_audit_trail() {
    assertThat(showing(Plan.LITE, 0, 10_000).getEntitlements())
        .containsExactly(Entitlement.NATIVE_CONNECTORS, Entitlement.FILE_UPLOADS);
  }
}
