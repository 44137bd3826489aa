package io.claribi.tiering.boundary;

import io.claribi.tiering.api.Plan;
import io.claribi.tiering.api.ToolCallQuota;
import io.claribi.tiering.api.ToolCallUsage;
import io.claribi.tiering.control.Quotas;
import io.claribi.tiering.control.ToolCallMeters;
import io.claribi.tiering.entity.ToolCallMeter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * The transaction boundary of tool-call metering: the caller's organization's calls per calendar
 * month (UTC), counted under the month's row lock against its plan's quota.
 */
@ApplicationScoped
public class MonthlyToolCallQuota implements ToolCallQuota {

  @Inject CurrentOrganization current;
  @Inject Clock clock;
  @Inject ToolCallMeters meters;
  @Inject Metering metering;
  @Inject Quotas quotas;

  @Override
  @Transactional
  public void admitToolCall() {
    Plan plan = current.orEnrolled().plan();
    Instant now = clock.instant();
    String period = ToolCallUsage.of(now, 0, 0).period();
    ToolCallMeter meter =
        meters
            .lock(period)
            .orElseGet(
                () -> {
                  openRacing(period);
                  return meters.lock(period).orElseThrow();
                });
    meter.admit(quotas.monthlyToolCalls(plan), plan, now);
  }

  /** The first call of the month opens its meter; of two racing, one insert loses, harmlessly. */
  private void openRacing(String period) {
    try {
      metering.open(period);
    } catch (PersistenceException | jakarta.transaction.TransactionalException raced) {
      // the other call opened it
    }
  }

  /**
   * The bound organization's tool calls this month against the quota of {@code plan}, read without
   * a lock in the caller's transaction.
   */
  public ToolCallUsage thisMonth(Plan plan) {
    Instant now = clock.instant();
    String period = ToolCallUsage.of(now, 0, 0).period();
    long used = meters.find(period).map(ToolCallMeter::calls).orElse(0L);
    return ToolCallUsage.of(now, used, quotas.monthlyToolCalls(plan));
  }
}
