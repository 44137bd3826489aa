package io.claribi.tiering.entity;

import io.claribi.platform.api.TenantBinding;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * One stripe of an organization's tool-call meter for a calendar month (UTC, {@code yyyy-MM}): the
 * calls it counted and its allowance, the share of the month's quota it may count on its own. A
 * month has up to {@link #STRIPES} stripes, so that concurrent calls can lock different rows (how
 * many are in use: {@code ToolCallMeters.stripes()}); a stripe never counts past its allowance, and
 * the allowances of a month add up to its quota (see {@link MonthlyMeter}), so the month's count is
 * exact however many calls and nodes race.
 */
@Entity
@Table(name = "tool_call_usage")
@IdClass(ToolCallMeter.Key.class)
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(
    name = TenantBinding.COLUMN,
    contextProperty = TenantBinding.PROPERTY,
    primaryKey = true)
@NamedQuery(
    name = ToolCallMeter.COUNT_ONE,
    query =
        "UPDATE ToolCallMeter m SET m.calls = m.calls + 1 WHERE m.period = :period"
            + " AND m.stripe = :stripe AND m.calls < m.allowance AND m.splitLimit = :limit")
@NamedQuery(
    name = ToolCallMeter.OF_MONTH,
    query = "SELECT m FROM ToolCallMeter m WHERE m.period = :period")
@NamedQuery(
    name = ToolCallMeter.GATE,
    query = "SELECT m FROM ToolCallMeter m WHERE m.period = :period AND m.stripe = 0")
@NamedQuery(
    name = ToolCallMeter.BEHIND_GATE,
    query = "SELECT m FROM ToolCallMeter m WHERE m.period = :period AND m.stripe > 0")
@NamedQuery(
    name = ToolCallMeter.USED,
    query = "SELECT SUM(m.calls) FROM ToolCallMeter m WHERE m.period = :period")
public class ToolCallMeter {

  /** How many rows count a month's calls: enough that 64 callers rarely meet on one. */
  public static final int STRIPES = 16;

  public static final String COUNT_ONE = "ToolCallMeter.countOne";
  public static final String OF_MONTH = "ToolCallMeter.ofMonth";
  public static final String GATE = "ToolCallMeter.gate";
  public static final String BEHIND_GATE = "ToolCallMeter.behindGate";
  public static final String USED = "ToolCallMeter.used";

  @Id
  @Column(name = "period", length = 7)
  private String period;

  @Id
  @Column(name = "stripe")
  private short stripe;

  @Column(name = "calls", nullable = false)
  private long calls;

  @Column(name = "allowance", nullable = false)
  private long allowance;

  /** The quota the allowances were split for; 0 on a new stripe, so the first call splits. */
  @Column(name = "split_limit", nullable = false)
  private long splitLimit;

  protected ToolCallMeter() {
    // for JPA
  }

  /** A new stripe: nothing counted, no allowance yet (the first call splits the quota). */
  public ToolCallMeter(String period, int stripe) {
    this.period = Objects.requireNonNull(period, "period");
    if (stripe < 0 || stripe >= STRIPES) {
      throw new IllegalArgumentException("stripe must be 0.." + (STRIPES - 1) + ", was " + stripe);
    }
    this.stripe = (short) stripe;
  }

  public String period() {
    return period;
  }

  public int stripe() {
    return stripe;
  }

  public long calls() {
    return calls;
  }

  public long allowance() {
    return allowance;
  }

  public long splitLimit() {
    return splitLimit;
  }

  /** The calls this stripe may still count on its own. */
  public long room() {
    return allowance - calls;
  }

  /**
   * Gives this stripe a new allowance, split from the quota {@code limit}; never below what it
   * already counted, so nothing counted is lost.
   */
  public void allot(long allowance, long limit) {
    if (allowance < calls) {
      throw new IllegalArgumentException(
          "allowance " + allowance + " is below the " + calls + " calls counted");
    }
    this.allowance = allowance;
    this.splitLimit = limit;
  }

  /** Counts one call within the allowance. */
  public void count() {
    if (calls >= allowance) {
      throw new IllegalStateException(
          "stripe " + stripe + " of " + period + " has no room: " + calls + " of " + allowance);
    }
    calls++;
  }

  /** The primary key besides the organization, which EclipseLink adds from the binding. */
  public static class Key implements Serializable {

    private static final long serialVersionUID = 1L;

    private String period;
    private short stripe;

    public Key() {
      // for JPA
    }

    public Key(String period, int stripe) {
      this.period = period;
      this.stripe = (short) stripe;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && key.stripe == stripe && Objects.equals(key.period, period);
    }

    @Override
    public int hashCode() {
      return Objects.hash(period, stripe);
    }
  }
}
