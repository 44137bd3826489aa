package io.claribi.tiering.boundary;

import io.claribi.tiering.api.Plan;
import io.claribi.tiering.api.ToolCallQuota;
import io.claribi.tiering.api.ToolCallUsage;
import io.claribi.tiering.control.Quotas;
import io.claribi.tiering.control.ToolCallMeters;
import io.claribi.tiering.entity.MonthlyMeter;
import io.claribi.tiering.entity.ToolCallMeter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * Tool-call metering: the caller's organization's calls per calendar month (UTC) against its plan's
 * quota, read at the time of the call. A call counts on one of the month's {@link
 * ToolCallMeters#stripes()} stripes, chosen at random, in one statement and its commit (the fast
 * path); only when that stripe has no room left, the month has not started, or its allowances were
 * split for another quota, are all stripes locked, the quota split again and the call counted on
 * the stripe with the most room, or refused. Each step is a transaction of its own ({@link
 * MeterTransactions}), never the caller's (decision 38).
 */
@ApplicationScoped
public class MonthlyToolCallQuota implements ToolCallQuota {

  @Inject Clock clock;
  @Inject ToolCallMeters meters;
  @Inject MeterTransactions steps;
  @Inject Metering metering;
  @Inject Quotas quotas;

  @Override
  public void admitToolCall(Plan plan) {
    long limit = quotas.monthlyToolCalls(plan);
    Instant now = clock.instant();
    String period = periodOf(now);
    int stripe = ThreadLocalRandom.current().nextInt(meters.stripes());
    if (!steps.countOn(period, stripe, limit)) {
      admitUnderAllStripes(period, limit, plan, now);
    }
  }

  /**
   * The slow path. A month whose count already reached the quota is refused without a lock (counts
   * only grow); otherwise the month's stripes are opened if missing, then locked and split again.
   */
  private void admitUnderAllStripes(String period, long limit, Plan plan, Instant now) {
    List<ToolCallMeter> read = steps.read(period);
    if (!read.isEmpty()) {
      new MonthlyMeter(read).requireRoom(limit, plan, now);
    }
    if (read.size() < meters.stripes()) {
      openRacing(period, read.stream().map(ToolCallMeter::stripe).collect(Collectors.toSet()));
    }
    steps.countUnderAllStripes(period, limit, plan, now);
  }

  /** The first call of the month opens its stripes; of two racing, one insert loses, harmlessly. */
  private void openRacing(String period, Set<Integer> present) {
    try {
      metering.open(period, present);
    } catch (PersistenceException | jakarta.transaction.TransactionalException raced) {
      // the other call opened them
    }
  }

  /**
   * The bound organization's tool calls this month (all stripes) against the quota of {@code plan},
   * read without a lock in the caller's transaction.
   */
  public ToolCallUsage thisMonth(Plan plan) {
    Instant now = clock.instant();
    return ToolCallUsage.of(now, meters.used(periodOf(now)), quotas.monthlyToolCalls(plan));
  }

  private static String periodOf(Instant now) {
    return ToolCallUsage.of(now, 0, 0).period();
  }
}
