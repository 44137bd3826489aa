package io.claribi.connections.entity;

import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.TenantBinding;
import io.claribi.platform.api.UtcInstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A revocation still owed to a vendor for a deleted connection: where to send it (issuer and the
 * client the grant was made to), how often it was tried, when it is next due, and which node works
 * on it until when. The token itself is sealed in the credentials vault under the same connection
 * id. Written in the disconnect's transaction; deleted when the vendor has answered or the retries
 * give up.
 */
@Entity
@Table(name = "connection_revocations")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = TenantBinding.COLUMN, contextProperty = TenantBinding.PROPERTY)
public class QueuedRevocation {

  @Id
  @Column(name = "connection_id", length = 36)
  private String connectionId;

  @Column(name = "vendor_id", nullable = false, length = 63)
  private String vendor;

  @Column(name = "issuer", nullable = false, length = 2048)
  private String issuer;

  @Column(name = "client_id", nullable = false, length = 2048)
  private String clientId;

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "queued_at", nullable = false)
  private Instant queuedAt;

  @Column(name = "attempts", nullable = false)
  private int attempts;

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "worker", length = 128)
  private String worker;

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "lease_until")
  private Instant leaseUntil;

  protected QueuedRevocation() {
    // for JPA
  }

  /**
   * Queued by the disconnect on {@code worker}, which holds it until {@code leaseUntil} to make the
   * first attempt as soon as the disconnect has committed.
   */
  public QueuedRevocation(
      ConnectionId connection,
      String vendor,
      String issuer,
      String clientId,
      Instant now,
      String worker,
      Instant leaseUntil) {
    this.connectionId = connection.toString();
    this.vendor = Objects.requireNonNull(vendor, "vendor");
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.clientId = Objects.requireNonNull(clientId, "clientId");
    this.queuedAt = Objects.requireNonNull(now, "now");
    this.nextAttemptAt = now;
    this.worker = Objects.requireNonNull(worker, "worker");
    this.leaseUntil = Objects.requireNonNull(leaseUntil, "leaseUntil");
  }

  public ConnectionId connection() {
    return ConnectionId.parse(connectionId.trim());
  }

  public String vendor() {
    return vendor;
  }

  public String issuer() {
    return issuer;
  }

  public String clientId() {
    return clientId;
  }

  public Instant queuedAt() {
    return queuedAt;
  }

  /** The attempts begun so far, counting one under way. */
  public int attempts() {
    return attempts;
  }

  public Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  public Optional<String> worker() {
    return Optional.ofNullable(worker);
  }

  /**
   * Whether {@code node} may begin an attempt now: the attempt is due, and no other node holds a
   * lease on it that has not run out (a node that died holds it until then).
   */
  public boolean claimableBy(String node, Instant now) {
    boolean due = !nextAttemptAt.isAfter(now);
    boolean free = worker == null || leaseUntil == null || leaseUntil.isBefore(now);
    return due && (free || node.equals(worker));
  }

  /** {@code node} begins an attempt and holds the row until {@code until}. */
  public void claim(String node, Instant until) {
    worker = Objects.requireNonNull(node, "node");
    leaseUntil = Objects.requireNonNull(until, "until");
    attempts++;
  }

  /**
   * The attempt under way could not reach the vendor: the next one waits for the pause that follows
   * this many attempts, and any node may make it. After the last pause nobody tries again.
   *
   * @return whether another attempt is due later
   */
  public boolean failed(List<Duration> pauses, Instant now) {
    int made = Math.max(1, attempts);
    if (made > pauses.size()) {
      return false;
    }
    nextAttemptAt = now.plus(pauses.get(made - 1));
    worker = null;
    leaseUntil = null;
    return true;
  }

  @Override
  public String toString() {
    return "QueuedRevocation[" + connectionId + " at " + issuer + ", " + attempts + " attempts]";
  }
}
