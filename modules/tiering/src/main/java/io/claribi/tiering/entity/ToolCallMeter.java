package io.claribi.tiering.entity;

import io.claribi.platform.api.TenantBinding;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
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

  public void count() {
    calls++;
  }
}
