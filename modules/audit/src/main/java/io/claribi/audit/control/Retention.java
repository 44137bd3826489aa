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
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * The only code that removes audit events: the operator's retention job. It uses its own
 * persistence unit, whose data source may log in as the one database role allowed to delete audit
 * rows, and records what it removed as an event of the same chain, in the same transaction, with
 * the anchor (sequence and hash of the last removed event) that lets the rest still be verified.
 */
@ApplicationScoped
public class Retention {

  @PersistenceContext(unitName = "audit-retention")
  EntityManager em;

  @Inject TenantBinding tenancy;
  @Inject Clock clock;

  /** What one run did. */
  public record Outcome(long removed, long prunedThroughSequence, String prunedThroughHash) {}

  /**
   * Removes the bound organization's events older than {@code cutoff} and appends an {@link
   * AuditEventType#AUDIT_RETENTION_APPLIED} event.
   */
  public Outcome prune(String retention, Instant cutoff, Origin origin) {
    EntityManager bound = tenancy.bind(em);
    OrganizationId organization = tenancy.organization();
    ChainHead head =
        bound.find(ChainHead.class, organization.value(), LockModeType.PESSIMISTIC_WRITE);
    if (head == null) {
      bound.persist(new ChainHead(organization, clock.instant()));
      bound.flush();
      head = bound.find(ChainHead.class, organization.value(), LockModeType.PESSIMISTIC_WRITE);
    }
    Long through =
        bound
            .createNamedQuery(RecordedEvent.LAST_BEFORE, Long.class)
            .setParameter("cutoff", cutoff)
            .getSingleResult();
    long removed = 0;
    if (through != null) {
      removed =
          bound
              .createNamedQuery(RecordedEvent.PRUNE_THROUGH)
              .setParameter("through", through)
              .executeUpdate();
    }
    Anchor anchor = anchorAfterPruning(bound, head);
    AuditEvent event =
        AuditEvent.of(
            AuditEventType.AUDIT_RETENTION_APPLIED,
            Map.of(
                "retention", retention,
                "cutoff", EventHash.timestamp(cutoff),
                "removed", Long.toString(removed),
                "prunedThroughSequence", Long.toString(anchor.sequence()),
                "prunedThroughHash", anchor.hash()));
    Chaining.append(bound, organization, event, origin, clock)
        .orElseThrow(() -> new IllegalStateException("the chain head vanished under its lock"));
    return new Outcome(removed, anchor.sequence(), anchor.hash());
  }

  /** What the oldest remaining event follows: the last removed link, or the chain's start. */
  private static Anchor anchorAfterPruning(EntityManager bound, ChainHead head) {
    return bound
        .createNamedQuery(RecordedEvent.FROM_SEQUENCE, RecordedEvent.class)
        .setParameter("after", 0L)
        .setParameter("upTo", head.lastSequence())
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(first -> new Anchor(first.sequence() - 1, first.previousHash()))
        .orElseGet(() -> new Anchor(head.lastSequence(), head.lastHash()));
  }
}
