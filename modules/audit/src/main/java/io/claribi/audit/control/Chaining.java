package io.claribi.audit.control;

import io.claribi.audit.entity.ChainHead;
import io.claribi.audit.entity.EventContent;
import io.claribi.audit.entity.RecordedEvent;
import io.claribi.platform.api.AuditEvent;
import io.claribi.platform.api.OrganizationId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Appends one event to the bound organization's chain, under the lock of its chain head. */
final class Chaining {

  private Chaining() {}

  /**
   * Locks the chain head until the transaction ends, then writes the next link. Empty when the
   * organization has no chain head yet (the caller creates it in a transaction of its own).
   */
  static Optional<RecordedEvent> append(
      EntityManager bound,
      OrganizationId organization,
      AuditEvent event,
      Origin origin,
      Clock clock) {
    ChainHead head =
        bound.find(ChainHead.class, organization.value(), LockModeType.PESSIMISTIC_WRITE);
    if (head == null) {
      return Optional.empty();
    }
    // The time is read under the lock, so it never goes backwards along one chain.
    Instant now = clock.instant();
    EventContent content =
        new EventContent(
            UUID.randomUUID().toString(),
            head.lastSequence() + 1,
            now,
            event.type(),
            origin.actor(),
            event.connection(),
            event.vendor(),
            origin.requestId(),
            origin.clientAddress(),
            event.details());
    RecordedEvent recorded =
        new RecordedEvent(
            content, head.lastHash(), EventHash.of(organization, content, head.lastHash()));
    bound.persist(recorded);
    head.advance(recorded, now);
    return Optional.of(recorded);
  }
}
