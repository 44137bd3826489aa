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

  /**
   * Counts one tool call against the calling organization's monthly quota, in the caller's
   * transaction: if that transaction rolls back, the call was not counted. Concurrent calls, on any
   * node, are counted one at a time, so a quota of N admits exactly N.
   *
   * @throws QuotaExceededException {@code 429 QUOTA_EXCEEDED} once the month's quota is used
   */
  void admitToolCall();
}
