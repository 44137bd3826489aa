package io.claribi.audit.entity;

import io.claribi.platform.api.AuditEventType;
import io.claribi.platform.api.TenantBinding;
import io.claribi.platform.api.UtcInstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * One event of an organization's audit trail, a link of its hash chain. Written once, never
 * changed: its fields are set only by the constructor (an architecture test checks it), and only
 * the retention job removes rows.
 */
@Entity
@Table(name = RecordedEvent.TABLE)
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = TenantBinding.COLUMN, contextProperty = TenantBinding.PROPERTY)
@NamedQuery(
    name = RecordedEvent.FROM_SEQUENCE,
    query =
        "SELECT e FROM RecordedEvent e WHERE e.sequence > :after AND e.sequence <= :upTo"
            + " ORDER BY e.sequence")
@NamedQuery(
    name = RecordedEvent.LAST_BEFORE,
    query = "SELECT MAX(e.sequence) FROM RecordedEvent e WHERE e.occurredAt < :cutoff")
@NamedQuery(
    name = RecordedEvent.AT_SEQUENCE,
    query = "SELECT e FROM RecordedEvent e WHERE e.sequence = :sequence")
@NamedQuery(
    name = RecordedEvent.NEWEST_OF_TYPE,
    query = "SELECT e FROM RecordedEvent e WHERE e.type = :type ORDER BY e.sequence DESC")
@NamedQuery(
    name = RecordedEvent.FIRST_FOR_CONNECTION,
    query =
        "SELECT e FROM RecordedEvent e WHERE e.connection = :connection AND e.type = :type"
            + " ORDER BY e.sequence")
@NamedQuery(
    name = RecordedEvent.COUNT_FOR_CONNECTION,
    query =
        "SELECT COUNT(e) FROM RecordedEvent e WHERE e.connection = :connection AND e.type = :type"
            + " AND e.occurredAt >= :from AND e.occurredAt < :to")
@NamedQuery(
    name = RecordedEvent.ANY_FOR_CONNECTION,
    query = "SELECT e.id FROM RecordedEvent e WHERE e.connection = :connection")
@NamedQuery(
    name = RecordedEvent.PRUNE_THROUGH,
    query = "DELETE FROM RecordedEvent e WHERE e.sequence <= :through")
public class RecordedEvent {

  public static final String TABLE = "audit_events";
  public static final String FROM_SEQUENCE = "RecordedEvent.fromSequence";
  public static final String LAST_BEFORE = "RecordedEvent.lastBefore";
  public static final String AT_SEQUENCE = "RecordedEvent.atSequence";
  public static final String NEWEST_OF_TYPE = "RecordedEvent.newestOfType";
  public static final String FIRST_FOR_CONNECTION = "RecordedEvent.firstForConnection";
  public static final String COUNT_FOR_CONNECTION = "RecordedEvent.countForConnection";
  public static final String ANY_FOR_CONNECTION = "RecordedEvent.anyForConnection";

  /** Used by the retention job only. */
  public static final String PRUNE_THROUGH = "RecordedEvent.pruneThrough";

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "sequence_no", nullable = false, updatable = false)
  private long sequence;

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "event_type", nullable = false, length = 40, updatable = false)
  private AuditEventType type;

  @Column(name = "actor", nullable = false, length = 255, updatable = false)
  private String actor;

  @Column(name = "connection_id", length = 64, updatable = false)
  private String connection;

  @Column(name = "vendor", length = 64, updatable = false)
  private String vendor;

  @Column(name = "request_id", nullable = false, length = 64, updatable = false)
  private String requestId;

  @Column(name = "client_address", length = 64, updatable = false)
  private String clientAddress;

  @Column(name = "details", nullable = false, length = 4000, updatable = false)
  private String details;

  @Column(name = "previous_hash", nullable = false, length = 64, updatable = false)
  private String previousHash;

  @Column(name = "hash", nullable = false, length = 64, updatable = false)
  private String hash;

  protected RecordedEvent() {
    // for JPA
  }

  public RecordedEvent(EventContent content, String previousHash, String hash) {
    this.id = content.id();
    this.sequence = content.sequence();
    this.occurredAt = content.occurredAt();
    this.type = content.type();
    this.actor = content.actor();
    this.connection = content.connection();
    this.vendor = content.vendor();
    this.requestId = content.requestId();
    this.clientAddress = content.clientAddress();
    this.details = content.detailsJson();
    this.previousHash = previousHash;
    this.hash = hash;
  }

  /** What the hash covers, as stored. */
  public EventContent content() {
    return new EventContent(
        id,
        sequence,
        occurredAt,
        type,
        actor,
        connection,
        vendor,
        requestId,
        clientAddress,
        EventContent.parseDetails(details));
  }

  public String id() {
    return id;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public AuditEventType type() {
    return type;
  }

  public String actor() {
    return actor;
  }

  public String connection() {
    return connection;
  }

  public String vendor() {
    return vendor;
  }

  public String requestId() {
    return requestId;
  }

  public String clientAddress() {
    return clientAddress;
  }

  /** The details as stored: a JSON object with sorted keys and string values. */
  public String detailsJson() {
    return details;
  }

  public long sequence() {
    return sequence;
  }

  public String previousHash() {
    return previousHash;
  }

  public String hash() {
    return hash;
  }
}
