package io.claribi.tiering.entity;

import io.claribi.platform.api.TenantBinding;
import io.claribi.tiering.api.Plan;
import io.claribi.tiering.api.QuotaExceededException;
import io.claribi.tiering.api.ToolCallUsage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * The tool calls an organization was admitted in one calendar month (UTC, {@code yyyy-MM}). One row
 * per organization and month; counted under a row lock, so the count is exact however many calls
 * and nodes race.
 */
@Entity
@Table(name = "tool_call_usage")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(
    name = TenantBinding.COLUMN,
    contextProperty = TenantBinding.PROPERTY,
    primaryKey = true)
public class ToolCallMeter {

  @Id
  @Column(name = "period", length = 7)
  private String period;

  @Column(name = "calls", nullable = false)
  private long calls;

  protected ToolCallMeter() {
    // for JPA
  }

  public ToolCallMeter(String period) {
    this.period = Objects.requireNonNull(period, "period");
  }

  public String period() {
    return period;
  }

  public long calls() {
    return calls;
  }

  /**
   * Counts one call if the month's quota has room for it; a refused call is not counted.
   *
   * @param limit the plan's quota for the month
   * @param plan the organization's plan, named in the refusal
   * @param now the time of the call, in this meter's month
   * @throws QuotaExceededException 429 once {@code limit} calls were counted, until the month ends
   */
  public void admit(long limit, Plan plan, Instant now) {
    if (calls >= limit) {
      throw new QuotaExceededException(ToolCallUsage.of(now, calls, limit), plan, now);
    }
    calls++;
  }
}
