package io.claribi.catalog.api;

import io.claribi.tiering.api.Entitlement;
import io.claribi.tiering.api.Plan;

/**
 * Whether the calling organization's plan lets it connect a vendor. Gated vendors are shown as
 * locked, not hidden, so that the console can say which plan unlocks them. The one place that rule
 * lives: the REST API's vendor views and the console's Data sources page both ask it.
 *
 * @param state {@code AVAILABLE} or {@code LOCKED}
 * @param requires the plan feature the vendor's kind takes
 * @param unlockedBy the lowest plan with that feature (only when locked)
 */
public record Availability(String state, Entitlement requires, Plan unlockedBy) {

  public static Availability of(VendorKind kind, Plan plan) {
    Entitlement feature = kind.entitlement();
    return plan.includes(feature)
        ? new Availability("AVAILABLE", feature, null)
        : new Availability("LOCKED", feature, Plan.lowestWith(feature).orElse(null));
  }
}
