package io.claribi.audit.control;

import io.claribi.audit.entity.ChainHead;
import io.claribi.audit.entity.RecordedEvent;
import io.claribi.platform.api.AuditEvent;
import io.claribi.platform.api.AuditEventType;
import io.claribi.platform.api.OrganizationId;
import io.claribi.platform.api.TenantBinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The bound organization's audit trail: appending and reading. There is no method that changes or
 * removes an event; only {@link Retention} removes old ones.
 */
@ApplicationScoped
public class EventLog {

  private static final String READ_ONLY = "eclipselink.read-only";

  @PersistenceContext(unitName = "audit")
  EntityManager em;

  @Inject TenantBinding tenancy;
  @Inject Clock clock;

  /** Appends under the chain head's lock; empty when the organization has no chain yet. */
  public Optional<RecordedEvent> append(AuditEvent event, Origin origin) {
    return Chaining.append(tenancy.bind(em), tenancy.organization(), event, origin, clock);
  }

  /** Creates the organization's chain head now, so a concurrent start fails here. */
  public void startChain() {
    EntityManager bound = tenancy.bind(em);
    bound.persist(new ChainHead(tenancy.organization(), clock.instant()));
    bound.flush();
  }

  /** The newest link, read without a lock. */
  public Optional<ChainHead> head() {
    return Optional.ofNullable(tenancy.bind(em).find(ChainHead.class, organization().value()));
  }

  public OrganizationId organization() {
    return tenancy.organization();
  }

  /** Events after {@code after} up to {@code upTo} (sequence numbers) that match, in order. */
  public List<RecordedEvent> select(EventFilter filter, long after, long upTo, int limit) {
    return select(filter, after, upTo, limit, "");
  }

  /**
   * Events below {@code below} (a sequence number) that match, newest first: the next page of a
   * newest-first listing is the events below the last one shown.
   */
  public List<RecordedEvent> selectNewestFirst(EventFilter filter, long below, int limit) {
    return select(filter, 0, below - 1, limit, " DESC");
  }

  private List<RecordedEvent> select(
      EventFilter filter, long after, long upTo, int limit, String direction) {
    StringBuilder jpql =
        new StringBuilder(
            "SELECT e FROM RecordedEvent e WHERE e.sequence > :after AND e.sequence <= :upTo");
    if (filter.from() != null) {
      jpql.append(" AND e.occurredAt >= :from");
    }
    if (filter.to() != null) {
      jpql.append(" AND e.occurredAt < :to");
    }
    if (filter.connection() != null) {
      jpql.append(" AND e.connection = :connection");
    }
    if (filter.vendor() != null) {
      jpql.append(" AND e.vendor = :vendor");
    }
    if (!filter.types().isEmpty()) {
      jpql.append(" AND e.type IN :types");
    }
    if (filter.actor() != null) {
      jpql.append(" AND e.actor = :actor");
    }
    jpql.append(" ORDER BY e.sequence").append(direction);
    TypedQuery<RecordedEvent> query =
        tenancy.bind(em).createQuery(jpql.toString(), RecordedEvent.class);
    query.setParameter("after", after).setParameter("upTo", upTo).setMaxResults(limit);
    // Read-only: nothing is registered for change tracking, which an append-only row never needs.
    query.setHint(READ_ONLY, Boolean.TRUE);
    if (filter.from() != null) {
      query.setParameter("from", filter.from());
    }
    if (filter.to() != null) {
      query.setParameter("to", filter.to());
    }
    if (filter.connection() != null) {
      query.setParameter("connection", filter.connection());
    }
    if (filter.vendor() != null) {
      query.setParameter("vendor", filter.vendor());
    }
    if (!filter.types().isEmpty()) {
      query.setParameter("types", List.copyOf(filter.types()));
    }
    if (filter.actor() != null) {
      query.setParameter("actor", filter.actor());
    }
    return query.getResultList();
  }

  /** The whole chain in order, a chunk at a time, for verification. */
  public List<RecordedEvent> chain(long after, long upTo, int limit) {
    return tenancy
        .bind(em)
        .createNamedQuery(RecordedEvent.FROM_SEQUENCE, RecordedEvent.class)
        .setParameter("after", after)
        .setParameter("upTo", upTo)
        .setMaxResults(limit)
        .setHint(READ_ONLY, Boolean.TRUE)
        .getResultList();
  }

  /** The newest event of a type, such as the latest retention run. */
  public Optional<RecordedEvent> newest(AuditEventType type) {
    return tenancy
        .bind(em)
        .createNamedQuery(RecordedEvent.NEWEST_OF_TYPE, RecordedEvent.class)
        .setParameter("type", type)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /** The first event of a type about a connection, such as its creation. */
  public Optional<RecordedEvent> first(String connection, AuditEventType type) {
    return tenancy
        .bind(em)
        .createNamedQuery(RecordedEvent.FIRST_FOR_CONNECTION, RecordedEvent.class)
        .setParameter("connection", connection)
        .setParameter("type", type)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /** How many events of a type a connection has in a window. */
  public long count(
      String connection, AuditEventType type, java.time.Instant from, java.time.Instant to) {
    return tenancy
        .bind(em)
        .createNamedQuery(RecordedEvent.COUNT_FOR_CONNECTION, Long.class)
        .setParameter("connection", connection)
        .setParameter("type", type)
        .setParameter("from", from)
        .setParameter("to", to)
        .getSingleResult();
  }

  /** Whether the organization has any event about the connection. */
  public boolean knows(String connection) {
    return !tenancy
        .bind(em)
        .createNamedQuery(RecordedEvent.ANY_FOR_CONNECTION, String.class)
        .setParameter("connection", connection)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }
}
