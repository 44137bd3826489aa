package io.claribi.connections.control;

import io.claribi.connections.api.ConnectionState;
import io.claribi.connections.entity.Connection;
import io.claribi.connections.entity.ConnectionUsage;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.TenantBinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The bound organization's connections; another organization's are as absent as unknown ones. */
@ApplicationScoped
public class Connections {

  @PersistenceContext(unitName = "connections")
  EntityManager em;

  @Inject TenantBinding tenancy;

  public Optional<Connection> find(ConnectionId id) {
    return Optional.ofNullable(tenancy.bind(em).find(Connection.class, id.toString()));
  }

  /**
   * The connection, locked exclusively until the transaction ends: this waits for every call that
   * holds the connection's call fence to finish, and every later call waits for this transaction.
   * The row is written (its version), because a {@code FOR UPDATE} lock alone still admits new
   * shared locks on Derby; a written row admits none, on any database.
   */
  public Optional<Connection> lockExclusively(ConnectionId id) {
    EntityManager bound = tenancy.bind(em);
    Connection connection =
        bound.find(Connection.class, id.toString(), LockModeType.PESSIMISTIC_FORCE_INCREMENT);
    if (connection == null) {
      return Optional.empty();
    }
    bound.flush();
    return Optional.of(connection);
  }

  public List<Connection> all() {
    return tenancy.bind(em).createNamedQuery(Connection.ALL, Connection.class).getResultList();
  }

  public List<Connection> active() {
    return tenancy
        .bind(em)
        .createNamedQuery(Connection.BY_STATE, Connection.class)
        .setParameter("state", ConnectionState.ACTIVE)
        .getResultList();
  }

  public List<Connection> activeAt(String vendor) {
    return tenancy
        .bind(em)
        .createNamedQuery(Connection.BY_VENDOR_AND_STATE, Connection.class)
        .setParameter("vendor", vendor)
        .setParameter("state", ConnectionState.ACTIVE)
        .getResultList();
  }

  public List<Connection> at(String vendor) {
    return tenancy
        .bind(em)
        .createNamedQuery(Connection.BY_VENDOR, Connection.class)
        .setParameter("vendor", vendor)
        .getResultList();
  }

  /**
   * Stored now, with its usage row, so that rows referring to it (its connect attempt) can follow;
   * a name another connection of the vendor took fails here (a unique constraint).
   */
  public void add(Connection connection) {
    EntityManager bound = tenancy.bind(em);
    bound.persist(connection);
    bound.flush();
    bound.persist(new ConnectionUsage(connection.id()));
    bound.flush();
  }

  /** When each connection that was ever used was last used. */
  public Map<ConnectionId, Instant> lastUses() {
    Map<ConnectionId, Instant> uses = new HashMap<>();
    for (ConnectionUsage usage :
        tenancy
            .bind(em)
            .createNamedQuery(ConnectionUsage.ALL, ConnectionUsage.class)
            .getResultList()) {
      usage.lastUsedAt().ifPresent(at -> uses.put(usage.connection(), at));
    }
    return uses;
  }

  public Optional<Instant> lastUse(ConnectionId connection) {
    return Optional.ofNullable(tenancy.bind(em).find(ConnectionUsage.class, connection.toString()))
        .flatMap(ConnectionUsage::lastUsedAt);
  }

  /**
   * Moves a connection's last use forward to {@code at}; locked, so two relays never move it back.
   * An unknown connection (disconnected meanwhile, or an upload) is passed over.
   */
  public void usedAt(ConnectionId connection, Instant at) {
    ConnectionUsage usage =
        tenancy
            .bind(em)
            .find(ConnectionUsage.class, connection.toString(), LockModeType.PESSIMISTIC_WRITE);
    if (usage != null) {
      usage.usedAt(at);
    }
  }

  /** A plain delete, flushed now so a failure surfaces inside the caller's transaction. */
  public void delete(Connection connection) {
    EntityManager bound = tenancy.bind(em);
    bound.remove(bound.contains(connection) ? connection : bound.merge(connection));
    bound.flush();
  }
}
