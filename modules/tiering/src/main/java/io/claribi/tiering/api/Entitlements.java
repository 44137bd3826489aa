package io.claribi.tiering.api;

/** What other contexts ask before offering a feature to the calling organization. */
public interface Entitlements {

  /** The calling organization's plan (enrolling it on {@link Plan#ON_FIRST_USE} if unknown). */
  Plan currentPlan();

  /**
   * Returns normally when the calling organization's plan includes the entitlement; otherwise
   * throws the {@code 403 PLAN_UPGRADE_REQUIRED} problem naming the lowest plan that has it.
   */
  void require(Entitlement entitlement);
}
