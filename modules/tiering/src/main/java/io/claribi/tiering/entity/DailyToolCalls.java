package io.claribi.tiering.entity;

import io.claribi.platform.api.TenantBinding;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * The tool calls one connection made to one tool on one day (UTC), as counted from the usage
 * records that joined the audit trail. Only ever grows; what the console's usage chart reads.
 */
@Entity
@Table(name = "tool_calls_per_day")
@IdClass(DailyToolCalls.Key.class)
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(
    name = TenantBinding.COLUMN,
    contextProperty = TenantBinding.PROPERTY,
    primaryKey = true)
@NamedQuery(
    name = DailyToolCalls.BETWEEN,
    query =
        "SELECT d FROM DailyToolCalls d WHERE d.day >= :first AND d.day <= :last"
            + " ORDER BY d.day, d.connection, d.tool")
public class DailyToolCalls {

  public static final String BETWEEN = "DailyToolCalls.between";

  /** Longer tool names are cut for the count (the audit trail keeps them whole). */
  public static final int TOOL_LENGTH = 255;

  @Id
  @Column(name = "usage_day")
  private LocalDate day;

  @Id
  @Column(name = "connection_id", length = 64)
  private String connection;

  @Id
  @Column(name = "tool", length = TOOL_LENGTH)
  private String tool;

  @Column(name = "vendor_id", length = 64, nullable = false)
  private String vendor;

  @Column(name = "calls", nullable = false)
  private long calls;

  protected DailyToolCalls() {
    // for JPA
  }

  /** A first call of the day: counted once. */
  public DailyToolCalls(Key key, String vendor) {
    this.day = key.day;
    this.connection = key.connection;
    this.tool = key.tool;
    this.vendor = Objects.requireNonNull(vendor, "vendor");
    this.calls = 1;
  }

  public void countOne() {
    calls++;
  }

  public LocalDate day() {
    return day;
  }

  public String connection() {
    return connection;
  }

  public String tool() {
    return tool;
  }

  public String vendor() {
    return vendor;
  }

  public long calls() {
    return calls;
  }

  /** The primary key within the bound organization. */
  public static class Key implements Serializable {

    private static final long serialVersionUID = 1L;

    private LocalDate day;
    private String connection;
    private String tool;

    protected Key() {
      // for JPA
    }

    public Key(LocalDate day, String connection, String tool) {
      this.day = Objects.requireNonNull(day, "day");
      this.connection = Objects.requireNonNull(connection, "connection");
      String name = Objects.requireNonNull(tool, "tool");
      this.tool = name.length() > TOOL_LENGTH ? name.substring(0, TOOL_LENGTH) : name;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && day.equals(key.day)
          && connection.equals(key.connection)
          && tool.equals(key.tool);
    }

    @Override
    public int hashCode() {
      return Objects.hash(day, connection, tool);
    }
  }
}
