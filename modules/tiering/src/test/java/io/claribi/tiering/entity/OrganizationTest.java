package io.claribi.tiering.entity;

import static io.claribi.tiering.api.Entitlement.AUDIT_TRAIL;
import static io.claribi.tiering.api.Entitlement.FILE_UPLOADS;
import static io.claribi.tiering.api.Entitlement.MCP_CATALOG;
import static io.claribi.tiering.api.Entitlement.NATIVE_CONNECTORS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claribi.platform.api.OrganizationId;
import io.claribi.tiering.api.Entitlement;
import io.claribi.tiering.api.Plan;
import io.claribi.tiering.api.PlanUpgradeRequiredException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a downgrade takes away, and what an upgrade gives back, from the next request on. */
class OrganizationTest {

  private static final Instant CREATED = Instant.parse("2026-11-01T08:00:00Z");
  private static final Instant CHANGED = Instant.parse("2026-11-20T16:45:00Z");

  /** The table of docs/plans.md, written out here rather than read from the enum. */
  private static final Map<Plan, Set<Entitlement>> INCLUDED =
      Map.of(
          Plan.FREE, EnumSet.of(NATIVE_CONNECTORS, FILE_UPLOADS),
          Plan.LITE, EnumSet.of(NATIVE_CONNECTORS, FILE_UPLOADS),
          Plan.TRIAL, EnumSet.of(MCP_CATALOG, NATIVE_CONNECTORS, FILE_UPLOADS),
          Plan.STARTER, EnumSet.of(MCP_CATALOG, NATIVE_CONNECTORS, FILE_UPLOADS),
          Plan.PROFESSIONAL, EnumSet.allOf(Entitlement.class),
          Plan.ENTERPRISE, EnumSet.allOf(Entitlement.class));

  /** The lowest plan each entitlement needs, as a refusal names it. */
  private static final Map<Entitlement, Plan> UNLOCKED_BY =
      Map.of(
          MCP_CATALOG, Plan.TRIAL,
          NATIVE_CONNECTORS, Plan.FREE,
          FILE_UPLOADS, Plan.FREE,
          AUDIT_TRAIL, Plan.PROFESSIONAL);

  private static Organization on(Plan plan) {
    return new Organization(new OrganizationId("acme"), "Acme", plan, CREATED);
  }

  @ParameterizedTest
  @EnumSource(Plan.class)
  void after_a_downgrade_from_enterprise_only_the_new_plans_entitlements_remain(Plan plan) {
    Organization cut = on(Plan.ENTERPRISE);

    cut.changePlan(plan, CHANGED);

    assertThat(cut.plan()).isEqualTo(plan);
    for (Entitlement entitlement : Entitlement.values()) {
      if (INCLUDED.get(plan).contains(entitlement)) {
        assertThatCode(() -> cut.require(entitlement))
            .as("%s on %s", entitlement, plan)
            .doesNotThrowAnyException();
      } else {
        assertThatThrownBy(() -> cut.require(entitlement))
            .as("%s on %s", entitlement, plan)
            .isInstanceOfSatisfying(
                PlanUpgradeRequiredException.class,
                refusal -> {
                  assertThat(refusal.status()).isEqualTo(403);
                  assertThat(refusal.code()).isEqualTo("PLAN_UPGRADE_REQUIRED");
                  assertThat(refusal.requiredPlan()).contains(UNLOCKED_BY.get(entitlement).name());
                });
      }
    }
  }

  @Test
  void a_downgrade_to_lite_takes_away_the_mcp_catalog_and_the_audit_trail_only() {
    Organization cut = on(Plan.PROFESSIONAL);

    cut.changePlan(Plan.LITE, CHANGED);

    assertThatThrownBy(() -> cut.require(MCP_CATALOG))
        .hasMessageContaining("MCP_CATALOG is not included in the LITE plan")
        .hasMessageContaining("lowest plan that includes it is TRIAL");
    assertThatThrownBy(() -> cut.require(AUDIT_TRAIL))
        .hasMessageContaining("lowest plan that includes it is PROFESSIONAL");
    assertThatCode(() -> cut.require(NATIVE_CONNECTORS)).doesNotThrowAnyException();
    assertThatCode(() -> cut.require(FILE_UPLOADS)).doesNotThrowAnyException();
  }

  @Test
  void a_downgrade_from_enterprise_to_starter_keeps_the_mcp_catalog_and_hides_the_audit_trail() {
    Organization cut = on(Plan.ENTERPRISE);

    cut.changePlan(Plan.STARTER, CHANGED);

    assertThatCode(() -> cut.require(MCP_CATALOG)).doesNotThrowAnyException();
    assertThatThrownBy(() -> cut.require(AUDIT_TRAIL))
        .isInstanceOf(PlanUpgradeRequiredException.class);
  }

  @Test
  void an_upgrade_after_a_downgrade_gives_everything_back() {
    Organization cut = on(Plan.PROFESSIONAL);
    cut.changePlan(Plan.FREE, CHANGED);

    cut.changePlan(Plan.PROFESSIONAL, CHANGED.plusSeconds(60));

    for (Entitlement entitlement : Entitlement.values()) {
      assertThatCode(() -> cut.require(entitlement)).doesNotThrowAnyException();
    }
  }

  @Test
  void a_plan_change_keeps_the_organization_and_its_creation_time() {
    Organization cut = on(Plan.TRIAL);

    cut.changePlan(Plan.STARTER, CHANGED);

    assertThat(cut.id()).isEqualTo(new OrganizationId("acme"));
    assertThat(cut.name()).isEqualTo("Acme");
    assertThat(cut.createdAt()).isEqualTo(CREATED);
  }

  @Test
  void an_organization_needs_a_plan_and_a_name_of_1_to_200_characters() {
    assertThatThrownBy(() -> on(Plan.FREE).changePlan(null, CHANGED))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> on(Plan.FREE).rename(" ", CHANGED))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> on(Plan.FREE).rename("x".repeat(201), CHANGED))
        .isInstanceOf(IllegalArgumentException.class);
    Organization renamed = on(Plan.FREE);
    renamed.rename("x".repeat(200), CHANGED);
    assertThat(renamed.name()).hasSize(200);
  }
}
