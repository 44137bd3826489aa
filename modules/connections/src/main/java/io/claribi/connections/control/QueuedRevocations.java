package io.claribi.connections.control;

import io.claribi.connections.entity.QueuedRevocation;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.TenantBinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** The bound organization's revocations still owed to vendors. */
@ApplicationScoped
public class QueuedRevocations {

  @PersistenceContext(unitName = "connections")
  EntityManager em;

  @Inject TenantBinding tenancy;

  /** Flushed now, so a failure surfaces inside the disconnect's transaction. */
  public void add(QueuedRevocation revocation) {
    EntityManager bound = tenancy.bind(em);
    bound.persist(revocation);
    bound.flush();
  }

  /** The row, locked until the transaction ends: of two nodes' sweeps, the second waits. */
  public Optional<QueuedRevocation> lock(ConnectionId connection) {
    return Optional.ofNullable(
        tenancy
            .bind(em)
            .find(QueuedRevocation.class, connection.toString(), LockModeType.PESSIMISTIC_WRITE));
  }

  public void delete(QueuedRevocation revocation) {
    EntityManager bound = tenancy.bind(em);
    bound.remove(bound.contains(revocation) ? revocation : bound.merge(revocation));
    bound.flush();
  }
}
