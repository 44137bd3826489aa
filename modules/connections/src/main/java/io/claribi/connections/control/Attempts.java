package io.claribi.connections.control;

import io.claribi.connections.entity.AuthorizationAttempt;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.TenantBinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** The bound organization's connects in progress. */
@ApplicationScoped
public class Attempts {

  @PersistenceContext(unitName = "connections")
  EntityManager em;

  @Inject TenantBinding tenancy;

  public void add(AuthorizationAttempt attempt) {
    tenancy.bind(em).persist(attempt);
  }

  /** The attempt, locked: of two callbacks with the same state, the second waits and finds none. */
  public Optional<AuthorizationAttempt> lock(ConnectionId connection) {
    return Optional.ofNullable(
        tenancy
            .bind(em)
            .find(
                AuthorizationAttempt.class, connection.toString(), LockModeType.PESSIMISTIC_WRITE));
  }

  /** Spent or abandoned: deleted now, so a failure surfaces in the caller's transaction. */
  public void delete(AuthorizationAttempt attempt) {
    EntityManager bound = tenancy.bind(em);
    bound.remove(bound.contains(attempt) ? attempt : bound.merge(attempt));
    bound.flush();
  }
}
