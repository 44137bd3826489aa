package io.claribi.connections.control;

import io.claribi.connections.api.ConnectionState;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.TenantBinding;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The shared lock a vendor call holds on its connection while it runs, so that a disconnect, which
 * takes it exclusively, commits only after every call already under way has finished, and every
 * call that comes later finds the connection gone. Shared, so calls through one connection still
 * run side by side; in the database, so it holds across every node that shares it (decision 21).
 *
 * <ul>
 *   <li>PostgreSQL: a transaction-scoped advisory lock per connection, shared for calls and
 *       exclusive for a disconnect. Its lock queue is fair: once a disconnect waits, later calls
 *       wait behind it. (Row locks are not: a steady stream of {@code FOR SHARE} readers can starve
 *       a {@code FOR UPDATE} forever.) The row is read in a second statement, with a snapshot taken
 *       after the lock was granted.
 *   <li>Derby: a shared row lock kept to the end of the transaction ({@code WITH RS}); the
 *       disconnect writes the row, and Derby queues later readers behind that writer.
 * </ul>
 *
 * <p>JPA has neither (EclipseLink turns every pessimistic mode into {@code FOR UPDATE}, which would
 * run one call per connection at a time), hence plain JDBC. It filters on the bound organization
 * itself, like EclipseLink's tenant filter does; it is named in the ArchUnit rule that confines
 * JDBC.
 */
@ApplicationScoped
public class ConnectionLock {

  private static final String SELECT_STATE =
      "SELECT state FROM connections WHERE id = ? AND " + TenantBinding.COLUMN + " = ?";

  @Resource(lookup = "jdbc/claribi")
  DataSource dataSource;

  @Inject TenantBinding tenancy;

  private volatile Dialect dialect;

  /**
   * Takes the shared lock on the bound organization's connection until the caller's transaction
   * ends, waiting for a disconnect in progress to finish first.
   *
   * @return the connection's state, or empty if it does not exist (or no longer does)
   */
  @Transactional(TxType.MANDATORY)
  public Optional<ConnectionState> hold(ConnectionId connection) {
    // The handles are closed at once; the physical connection stays in the transaction, and with
    // it the lock, until the transaction ends.
    try (Connection db = dataSource.getConnection()) {
      Dialect known = dialect(db);
      if (known == Dialect.POSTGRESQL) {
        advisoryLock(db, "SELECT pg_advisory_xact_lock_shared(?)", connection);
      }
      String sql = known == Dialect.DERBY ? SELECT_STATE + " WITH RS" : SELECT_STATE;
      try (PreparedStatement statement = db.prepareStatement(sql)) {
        statement.setString(1, connection.toString());
        statement.setString(2, tenancy.organization().value());
        try (ResultSet rows = statement.executeQuery()) {
          return rows.next()
              ? Optional.of(ConnectionState.valueOf(rows.getString(1).trim()))
              : Optional.empty();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot lock connection " + connection + " for a call", e);
    }
  }

  /**
   * Takes the lock exclusively until the caller's transaction ends: waits for the calls under way,
   * and holds back every later one. Call it before the connection or its credential is touched. On
   * Derby, writing the connection row ({@link Connections#lockExclusively}) is that lock.
   */
  @Transactional(TxType.MANDATORY)
  public void holdExclusively(ConnectionId connection) {
    try (Connection db = dataSource.getConnection()) {
      if (dialect(db) == Dialect.POSTGRESQL) {
        advisoryLock(db, "SELECT pg_advisory_xact_lock(?)", connection);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot lock connection " + connection + " exclusively", e);
    }
  }

  private static void advisoryLock(Connection db, String sql, ConnectionId connection)
      throws SQLException {
    try (PreparedStatement lock = db.prepareStatement(sql)) {
      lock.setLong(1, lockKey(connection));
      lock.execute();
    }
  }

  /**
   * 64 bits of the connection's random id; a collision only makes two connections wait together.
   */
  static long lockKey(ConnectionId connection) {
    UUID id = UUID.fromString(connection.toString());
    return id.getMostSignificantBits() ^ id.getLeastSignificantBits();
  }

  private Dialect dialect(Connection db) throws SQLException {
    Dialect known = dialect;
    if (known == null) {
      known = Dialect.of(db.getMetaData().getDatabaseProductName());
      dialect = known;
    }
    return known;
  }

  enum Dialect {
    POSTGRESQL,
    DERBY;

    static Dialect of(String product) {
      String name = product.toLowerCase(Locale.ROOT);
      if (name.contains("postgresql")) {
        return POSTGRESQL;
      }
      if (name.contains("derby")) {
        return DERBY;
      }
      throw new IllegalStateException(
          "Unsupported database " + product + ": calls need a shared lock (Derby, PostgreSQL)");
    }
  }
}
