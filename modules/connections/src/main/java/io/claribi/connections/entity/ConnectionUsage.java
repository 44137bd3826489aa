package io.claribi.connections.entity;

import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.TenantBinding;
import io.claribi.platform.api.UtcInstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * When a connection last carried a tool call: a row of its own, made with the connection and
 * deleted with it (the database cascades), because the usage relay that writes it must not wait on
 * the connection's row, which every vendor call holds a shared lock on while it runs (decision 55).
 */
@Entity
@Table(name = "connection_usage")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = TenantBinding.COLUMN, contextProperty = TenantBinding.PROPERTY)
@NamedQuery(name = ConnectionUsage.ALL, query = "SELECT u FROM ConnectionUsage u")
public class ConnectionUsage {

  public static final String ALL = "ConnectionUsage.all";

  @Id
  @Column(name = "connection_id", length = 36)
  private String connectionId;

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  protected ConnectionUsage() {
    // for JPA
  }

  /** A connection never used yet. */
  public ConnectionUsage(ConnectionId connection) {
    this.connectionId = connection.toString();
  }

  public ConnectionId connection() {
    return new ConnectionId(UUID.fromString(connectionId));
  }

  /** Moves forward only: a call recorded late never makes the time go back. */
  public void usedAt(Instant at) {
    if (lastUsedAt == null || lastUsedAt.isBefore(at)) {
      lastUsedAt = at;
    }
  }

  public Optional<Instant> lastUsedAt() {
    return Optional.ofNullable(lastUsedAt);
  }
}
