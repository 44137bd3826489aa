package io.claribi.tiering.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlanTest {

  @Test
  void the_mcp_catalog_is_for_trial_and_paid_plans_only() {
    assertThat(Arrays.stream(Plan.values()).filter(p -> p.includes(Entitlement.MCP_CATALOG)))
        .containsExactly(Plan.TRIAL, Plan.STARTER, Plan.PROFESSIONAL, Plan.ENTERPRISE);
  }

  @Test
  void the_audit_trail_is_for_professional_and_enterprise() {
    assertThat(Arrays.stream(Plan.values()).filter(p -> p.includes(Entitlement.AUDIT_TRAIL)))
        .containsExactly(Plan.PROFESSIONAL, Plan.ENTERPRISE);
  }

  @Test
  void every_plan_has_native_connectors_and_uploads() {
    assertThat(Plan.values())
        .allMatch(
            p -> p.includes(Entitlement.NATIVE_CONNECTORS) && p.includes(Entitlement.FILE_UPLOADS));
  }

  @Test
  void an_upgrade_prompt_names_the_lowest_plan_with_the_feature() {
    assertThat(Plan.lowestWith(Entitlement.MCP_CATALOG)).contains(Plan.TRIAL);
    assertThat(Plan.lowestWith(Entitlement.AUDIT_TRAIL)).contains(Plan.PROFESSIONAL);
    assertThat(new PlanUpgradeRequiredException(Entitlement.MCP_CATALOG, Plan.FREE))
        .hasMessageContaining("lowest plan that includes it is TRIAL")
        .extracting(e -> e.status())
        .isEqualTo(403);
  }

  @Test
  void first_use_enrols_on_free() {
    assertThat(Plan.ON_FIRST_USE).isEqualTo(Plan.FREE);
  }

  /** docs/plans.md shows the same table as the code. */
  @Test
  void the_documented_table_matches_the_code() throws IOException {
    String doc = Files.readString(Path.of("../../docs/plans.md"));
    for (Plan plan : Plan.values()) {
      String row =
          "| `"
              + plan
              + "` | "
              + Arrays.stream(Entitlement.values())
                  .map(e -> plan.includes(e) ? "yes" : "–")
                  .collect(Collectors.joining(" | "))
              + " |";
      assertThat(doc).contains(row);
    }
  }

  /** docs/plans.md shows the same quotas as the code. */
  @Test
  void the_documented_quotas_match_the_code() throws IOException {
    String doc = Files.readString(Path.of("../../docs/plans.md"));
    for (Plan plan : Plan.values()) {
      assertThat(doc)
          .contains(
              "| `"
                  + plan
                  + "` | "
                  + String.format(Locale.ROOT, "%,d", plan.monthlyToolCalls())
                  + " |");
    }
  }

  /** docs/plans.md shows the same upload allowances as the code. */
  @Test
  void the_documented_upload_allowances_match_the_code() throws IOException {
    String doc = Files.readString(Path.of("../../docs/plans.md"));
    for (Plan plan : Plan.values()) {
      assertThat(doc)
          .contains(
              "| `"
                  + plan
                  + "` | "
                  + plan.uploads().maxFileBytes() / (1024 * 1024)
                  + " MiB | "
                  + String.format(Locale.ROOT, "%,d", plan.uploads().maxFiles())
                  + " |");
    }
  }

  @Test
  void a_month_of_usage_resets_at_the_first_of_the_next_month_utc() {
    ToolCallUsage usage = ToolCallUsage.of(Instant.parse("2026-12-31T23:59:59Z"), 3, 50);

    assertThat(usage.period()).isEqualTo("2026-12");
    assertThat(usage.resetsAt()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    assertThat(new QuotaExceededException(usage, Plan.TRIAL, Instant.parse("2026-12-31T23:59:59Z")))
        .hasMessageContaining("all 50 tool calls of the TRIAL plan for 2026-12")
        .satisfies(e -> assertThat(e.status()).isEqualTo(429))
        .satisfies(e -> assertThat(e.retryAfterSeconds()).hasValue(1));
  }
}
