package io.claribi.tiering.boundary.console;

import io.claribi.tiering.api.Entitlement;
import io.claribi.tiering.api.OrganizationView;
import io.claribi.tiering.api.ToolCallUsage;
import io.claribi.tiering.boundary.OrganizationPlans;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * The console's "Plan and usage" page: the signed-in user's organization, its plan, what the plan
 * includes and this month's tool calls against the quota. It reads through the same facade as
 * {@code GET /api/v1/organization}, so the organization is the caller's own, from their identity.
 */
@Named
@ViewScoped
public class PlanAndUsagePage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject OrganizationPlans plans;

  /** Read again on every visit (f:viewAction); the view holds no copy across sessions. */
  private transient OrganizationView organization;

  public void load() {
    organization = plans.currentOrganization();
  }

  // Expression Language 5 (Jakarta EE 10) cannot read record components: one getter each.

  public String getName() {
    return organization.name();
  }

  public String getId() {
    return organization.id();
  }

  public String getPlan() {
    return organization.plan().name();
  }

  public List<Entitlement> getEntitlements() {
    return List.copyOf(organization.entitlements());
  }

  public long getToolCallsUsed() {
    return organization.toolCalls().used();
  }

  public long getToolCallsLimit() {
    return organization.toolCalls().limit();
  }

  public String getPeriod() {
    return organization.toolCalls().period();
  }

  /** Written by the page's {@code claribi:time}, in the person's zone. */
  public Instant getResetsAt() {
    return organization.toolCalls().resetsAt();
  }

  /** Share of the monthly quota used, 0 to 100, for the meter on the page. */
  public int getPercentUsed() {
    ToolCallUsage usage = organization.toolCalls();
    if (usage.limit() <= 0) {
      return 100;
    }
    return (int) Math.min(100, usage.used() * 100 / usage.limit());
  }
}
