package io.claribi.audit.entity;

import io.claribi.platform.api.OrganizationId;
import io.claribi.platform.api.TenantBinding;
import io.claribi.platform.api.UtcInstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * The newest link of an organization's hash chain. Appending an event locks this row (PESSIMISTIC
 * WRITE) for the rest of the transaction, so two concurrent events of one organization get
 * consecutive sequence numbers and never fork the chain. Its id is the organization it belongs to.
 */
@Entity
@Table(name = "audit_chain_heads")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = TenantBinding.COLUMN, contextProperty = TenantBinding.PROPERTY)
public class ChainHead {

  /** The previous hash of an organization's first event. */
  public static final String GENESIS = "0".repeat(64);

  @Id
  @Column(name = "id", length = 64)
  private String id;

  @Column(name = "last_sequence", nullable = false)
  private long lastSequence;

  @Column(name = "last_hash", nullable = false, length = 64)
  private String lastHash;

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected ChainHead() {
    // for JPA
  }

  public ChainHead(OrganizationId organization, Instant now) {
    this.id = Objects.requireNonNull(organization, "organization").value();
    this.lastSequence = 0;
    this.lastHash = GENESIS;
    this.updatedAt = now;
  }

  public long lastSequence() {
    return lastSequence;
  }

  public String lastHash() {
    return lastHash;
  }

  /** Moves the head to the event just appended. */
  public void advance(RecordedEvent appended, Instant now) {
    if (appended.sequence() != lastSequence + 1 || !appended.previousHash().equals(lastHash)) {
      throw new IllegalStateException("the chain head moves only to its direct successor");
    }
    this.lastSequence = appended.sequence();
    this.lastHash = appended.hash();
    this.updatedAt = now;
  }
}
