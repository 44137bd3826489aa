package io.claribi.tiering.boundary;

import io.claribi.tiering.api.Plan;
import io.claribi.tiering.control.ToolCallMeters;
import io.claribi.tiering.entity.MonthlyMeter;
import io.claribi.tiering.entity.ToolCallMeter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.List;

/**
 * The steps of counting a tool call, each a short transaction of its own, so that no transaction
 * ever holds one stripe while it waits for another (decision 38): a fast path holds at most the one
 * row it tried; the slow path takes stripe 0 first, so slow paths queue there and never hold a
 * stripe another one waits for.
 */
@ApplicationScoped
public class MeterTransactions {

  @Inject ToolCallMeters meters;

  /** The fast path: one statement and the commit. */
  @Transactional(TxType.REQUIRES_NEW)
  public boolean countOn(String period, int stripe, long limit) {
    return meters.countOn(period, stripe, limit);
  }

  /** The month's stripes as last committed; the read's locks (Derby) end with this transaction. */
  @Transactional(TxType.REQUIRES_NEW)
  public List<ToolCallMeter> read(String period) {
    return meters.read(period);
  }

  /** The slow path: every stripe locked, stripe 0 first; the quota split again if it changed. */
  @Transactional(TxType.REQUIRES_NEW)
  public void countUnderAllStripes(String period, long limit, Plan plan, Instant now) {
    List<ToolCallMeter> locked = meters.lockAll(period);
    if (locked.isEmpty()) {
      throw new IllegalStateException("The tool-call meter of " + period + " could not be opened.");
    }
    new MonthlyMeter(locked).admit(limit, plan, now);
  }
}
