package io.claribi.gateway.boundary;

import io.claribi.connections.api.ConnectionUse;
import io.claribi.gateway.control.PendingUsage;
import io.claribi.gateway.control.UsageOutbox;
import io.claribi.platform.api.DeferredAuditEvent;
import io.claribi.platform.api.OrganizationId;
import io.claribi.platform.api.TenantBinding;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Moves a batch of usage records from the outbox into their organizations' audit chains, in one
 * transaction: the records are appended and deleted from the outbox together, so each enters the
 * trail exactly once. Runs on the journal's thread, which no request started, so it binds each
 * organization with the system binding (named in SystemBindingTest); the actor recorded is the
 * caller captured during the request, not "system".
 */
@ApplicationScoped
public class UsageWriter {

  @Inject TenantBinding tenancy;
  @Inject Event<DeferredAuditEvent> audit;
  @Inject UsageOutbox outbox;
  @Inject ConnectionUse connectionUse;

  @Resource TransactionSynchronizationRegistry transaction;

  @ActivateRequestContext
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  /**
   * @return false if another relay (another node, or another deployment on this one) relayed some
   *     of the batch meanwhile: this transaction then rolls back and writes nothing
   */
  public boolean write(List<PendingUsage> batch) {
    // Deleted first: a relay moving the same rows waits here and then finds them gone.
    List<Long> ids = batch.stream().map(PendingUsage::id).toList();
    if (outbox.remove(ids) != ids.size()) {
      transaction.setRollbackOnly();
      return false;
    }
    // Chain heads are locked in one order (by organization id), as by every writer that appends to
    // several organizations' trails: two relays (two nodes) never wait on each other in a circle.
    Map<OrganizationId, List<DeferredAuditEvent>> byOrganization =
        new TreeMap<>(OrganizationId.LOCK_ORDER);
    for (PendingUsage pending : batch) {
      byOrganization
          .computeIfAbsent(pending.organization(), o -> new ArrayList<>())
          .add(pending.record().orElseThrow(() -> new IllegalStateException("unreadable")));
    }
    // Each connection's last use first, then the chains: a disconnect deletes the connection's
    // usage row before it appends to the chain, so both take the two in the same order.
    byOrganization.forEach(
        (organization, events) -> {
          try (TenantBinding.OperatorScope system = tenancy.actAsSystemFor(organization)) {
            connectionUse.used(LastCalls.of(events));
          }
        });
    byOrganization.forEach(
        (organization, events) -> {
          try (TenantBinding.OperatorScope system = tenancy.actAsSystemFor(organization)) {
            events.forEach(audit::fire);
          }
        });
    return true;
  }

  /**
   * Takes one record out of the outbox and keeps it elsewhere, in one transaction: if keeping it
   * fails, it stays in the outbox.
   *
   * @return false if another relay took it out first (nothing is kept here)
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean moveAside(long outboxId, Runnable keep) {
    if (outbox.remove(List.of(outboxId)) != 1) {
      return false;
    }
    keep.run();
    return true;
  }
}
