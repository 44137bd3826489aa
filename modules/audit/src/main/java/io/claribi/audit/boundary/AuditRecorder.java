package io.claribi.audit.boundary;

import io.claribi.audit.control.EventLog;
import io.claribi.audit.control.Origin;
import io.claribi.platform.api.AuditEvent;
import io.claribi.platform.api.DeferredAuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionalException;

/**
 * Writes every {@link AuditEvent} another context fires, synchronously and inside that context's
 * transaction ({@code MANDATORY}): the event commits or rolls back with the change it describes,
 * and a failure to record it fails the change.
 */
@ApplicationScoped
public class AuditRecorder {

  @Inject EventLog log;
  @Inject ChainStart chainStart;
  @Inject CurrentOrigin currentOrigin;

  @Transactional(Transactional.TxType.MANDATORY)
  public void record(@Observes AuditEvent event) {
    append(event, currentOrigin.get());
  }

  /**
   * A usage record written after its request ended: the writer has bound the organization, and the
   * origin is the one captured during the request.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recordDeferred(@Observes DeferredAuditEvent deferred) {
    if (!log.organization().equals(deferred.organization())) {
      throw new IllegalStateException(
          "a deferred event for " + deferred.organization() + " while bound to another");
    }
    append(
        deferred.event(),
        new Origin(deferred.actor(), deferred.requestId(), deferred.clientAddress()));
  }

  private void append(AuditEvent event, Origin origin) {
    if (log.append(event, origin).isPresent()) {
      return;
    }
    try {
      chainStart.start();
    } catch (PersistenceException | TransactionalException raced) {
      // A concurrent first event started the chain a moment ago: append after it.
    }
    log.append(event, origin)
        .orElseThrow(() -> new IllegalStateException("the audit chain could not be started"));
  }
}
