package io.claribi.tiering.entity;

import io.claribi.tiering.api.Plan;
import io.claribi.tiering.api.QuotaExceededException;
import io.claribi.tiering.api.ToolCallUsage;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * All stripes of an organization's meter for one month, as the slow path of admission sees them
 * (locked, or read to refuse early). A call counted here counts on the stripe with the most room,
 * after the quota was split again over the stripes, so that the fast path finds room again.
 */
public final class MonthlyMeter {

  private final List<ToolCallMeter> stripes;

  public MonthlyMeter(List<ToolCallMeter> stripes) {
    if (stripes.isEmpty()) {
      throw new IllegalArgumentException("a month has at least one stripe");
    }
    this.stripes = List.copyOf(stripes);
  }

  /** The calls counted this month, on all stripes. */
  public long used() {
    return stripes.stream().mapToLong(ToolCallMeter::calls).sum();
  }

  /**
   * Refuses once {@code limit} calls were counted. Counts only grow within a month, so a refusal
   * read without a lock stays right.
   *
   * @throws QuotaExceededException 429 until the month ends
   */
  public void requireRoom(long limit, Plan plan, Instant now) {
    long used = used();
    if (used >= limit) {
      throw new QuotaExceededException(ToolCallUsage.of(now, used, limit), plan, now);
    }
  }

  /**
   * Counts one call if the month's quota has room for it; a refused call is not counted. The
   * stripes must be locked: the quota is split over them again for {@code limit}.
   *
   * @param limit the plan's quota for the month, read now (it may have changed since the last
   *     split)
   * @throws QuotaExceededException 429 once {@code limit} calls were counted
   */
  public void admit(long limit, Plan plan, Instant now) {
    requireRoom(limit, plan, now);
    split(limit);
    stripes.stream().max(Comparator.comparingLong(ToolCallMeter::room)).orElseThrow().count();
  }

  /** Splits what is left of {@code limit} evenly over the stripes, on top of their counts. */
  public void split(long limit) {
    long[] allowances =
        Allowances.split(stripes.stream().mapToLong(ToolCallMeter::calls).toArray(), limit);
    for (int k = 0; k < allowances.length; k++) {
      stripes.get(k).allot(allowances[k], limit);
    }
  }
}
