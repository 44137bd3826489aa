package io.claribi.gateway.boundary;

import io.claribi.gateway.control.CallSlots;
import io.claribi.platform.api.OrganizationId;
import io.claribi.tiering.api.Plan;

/**
 * What one call carries through admission and back: its bulkhead slot (taken once the vendor is
 * known, given back when the call ends) and the plan it was admitted on, which the quota counts
 * against after admission's transaction has committed.
 */
final class CallTicket implements AutoCloseable {

  private final CallSlots.Reservation slot;
  private Plan plan;

  CallTicket(CallSlots.Reservation slot) {
    this.slot = slot;
  }

  void admittedOn(Plan plan) {
    this.plan = plan;
  }

  /** The plan admission read; only after a permit. */
  Plan plan() {
    if (plan == null) {
      throw new IllegalStateException("the call has not been admitted");
    }
    return plan;
  }

  void takeSlot(OrganizationId organization, String vendor) {
    slot.take(organization, vendor);
  }

  @Override
  public void close() {
    slot.close();
  }
}
