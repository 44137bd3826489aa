package io.claribi.tiering.control;

import io.claribi.platform.api.TenantBinding;
import io.claribi.tiering.entity.ToolCallMeter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;

/** The bound organization's monthly tool-call meters, one row per month and stripe. */
@ApplicationScoped
public class ToolCallMeters {

  @PersistenceContext(unitName = "tiering")
  EntityManager em;

  @Inject TenantBinding tenancy;

  /**
   * How many stripes count a month. Each way of counting runs in a transaction of its own (see
   * {@code MeterTransactions}): a conditional {@code UPDATE} that misses its stripe can keep that
   * row locked until its transaction ends (Derby always; PostgreSQL after it waited for the row),
   * so the slow path must never run in the transaction of a fast path that missed (decision 38).
   */
  public int stripes() {
    return ToolCallMeter.STRIPES;
  }

  /**
   * The fast path: counts one call on {@code stripe} in one statement, if the stripe has room and
   * its allowance was split for {@code limit}. The row stays locked until the transaction ends,
   * even when it was not counted.
   *
   * @return whether the call was counted
   */
  public boolean countOn(String period, int stripe, long limit) {
    return tenancy
            .bind(em)
            .createNamedQuery(ToolCallMeter.COUNT_ONE)
            .setParameter("period", period)
            .setParameter("stripe", (short) stripe)
            .setParameter("limit", limit)
            .executeUpdate()
        == 1;
  }

  /** The month's stripes as last committed, without a lock. */
  public List<ToolCallMeter> read(String period) {
    return tenancy
        .bind(em)
        .createNamedQuery(ToolCallMeter.OF_MONTH, ToolCallMeter.class)
        .setParameter("period", period)
        .getResultList();
  }

  /**
   * The month's stripes, all locked until the transaction ends, ordered by stripe; empty if the
   * month has not started. Stripe 0 is locked first, alone: every caller that locks several stripes
   * goes through it, so two of them never hold one stripe each while waiting for the other's.
   */
  public List<ToolCallMeter> lockAll(String period) {
    List<ToolCallMeter> gate = locked(ToolCallMeter.GATE, period);
    if (gate.isEmpty()) {
      return List.of();
    }
    List<ToolCallMeter> all = new ArrayList<>(gate);
    all.addAll(locked(ToolCallMeter.BEHIND_GATE, period));
    all.sort(Comparator.comparingInt(ToolCallMeter::stripe));
    return all;
  }

  /** The calls counted this month on all stripes. */
  public long used(String period) {
    Number sum =
        tenancy
            .bind(em)
            .createNamedQuery(ToolCallMeter.USED, Number.class)
            .setParameter("period", period)
            .getSingleResult();
    return sum == null ? 0 : sum.longValue();
  }

  /**
   * Stores the month's stripes that were missing when the caller read them (in a transaction of its
   * own), now, one at a time in stripe order, without reading first: a read before an insert keeps
   * range locks on Derby (repeatable read), and two openers that both read and then insert
   * deadlock. Openers racing insert in the same order, so the later one waits on the first row and
   * then fails on its key, harmlessly.
   */
  public void openMissing(String period, Set<Integer> present) {
    EntityManager bound = tenancy.bind(em);
    IntStream.range(0, stripes())
        .filter(stripe -> !present.contains(stripe))
        .forEach(
            stripe -> {
              bound.persist(new ToolCallMeter(period, stripe));
              bound.flush();
            });
  }

  /** Locked and read again: a row read earlier in this transaction may be stale by now. */
  private List<ToolCallMeter> locked(String query, String period) {
    TypedQuery<ToolCallMeter> locking =
        tenancy
            .bind(em)
            .createNamedQuery(query, ToolCallMeter.class)
            .setParameter("period", period)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .setHint(QueryHints.REFRESH, HintValues.TRUE);
    return locking.getResultList();
  }
}
