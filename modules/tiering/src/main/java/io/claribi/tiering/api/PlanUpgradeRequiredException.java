package io.claribi.tiering.api;

import io.claribi.platform.api.ProblemException;
import java.util.Optional;

/** A feature outside the caller's plan: 403 with the plan that would unlock it. */
public class PlanUpgradeRequiredException extends ProblemException {

  private static final long serialVersionUID = 1L;

  private final Plan requiredPlan;

  public PlanUpgradeRequiredException(Entitlement entitlement, Plan current) {
    super(
        403,
        "PLAN_UPGRADE_REQUIRED",
        "Plan upgrade required",
        entitlement
            + " is not included in the "
            + current
            + " plan; the lowest plan that includes it is "
            + Plan.lowestWith(entitlement).map(Plan::name).orElse("none")
            + ".");
    this.requiredPlan = Plan.lowestWith(entitlement).orElse(null);
  }

  @Override
  public Optional<String> requiredPlan() {
    return Optional.ofNullable(requiredPlan).map(Plan::name);
  }
}
