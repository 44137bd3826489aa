package io.claribi.connections.api;

import io.claribi.catalog.api.Vendor;
import io.claribi.tiering.api.Entitlement;
import io.claribi.tiering.api.Plan;
import io.claribi.tiering.api.PlanUpgradeRequiredException;

/** Whether a plan may use a vendor: connecting it and calling it ask the same question. */
public final class VendorEntitlement {

  private VendorEntitlement() {}

  /**
   * @throws PlanUpgradeRequiredException 403 naming the feature the vendor's kind needs
   */
  public static void require(Plan plan, Vendor vendor) {
    Entitlement needed = vendor.kind().entitlement();
    if (!plan.includes(needed)) {
      throw new PlanUpgradeRequiredException(needed, plan);
    }
  }
}
