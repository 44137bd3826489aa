package io.claribi.connections.control;

import io.claribi.connections.api.ConnectionState;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.RetryLaterException;
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

  /**
   * Connections for the shared lock of calls under way and nothing else, outside the application's
   * transactions: a vendor that takes its time holds one of these, never one the rest of the
   * product needs (decision 36).
   */
  @Resource(lookup = "jdbc/claribi-fence")
  DataSource fencePool;

  @Inject TenantBinding tenancy;

  private volatile Dialect dialect;

  /**
   * The shared lock of one exchange, held on a connection of the fence pool in a transaction of its
   * own until {@link #close()}; it writes nothing and rolls back.
   */
  public static final class Fence implements AutoCloseable {
    private final Connection db;
    private final Optional<ConnectionState> state;

    Fence(Connection db, Optional<ConnectionState> state) {
      this.db = db;
      this.state = state;
    }

    /** The connection's state once the lock was granted; empty if it does not exist (any more). */
    public Optional<ConnectionState> state() {
      return state;
    }

    @Override
    public void close() {
      release(db);
    }
  }

  /**
   * Takes the shared lock on the bound organization's connection on a connection of the fence pool,
   * waiting for a disconnect in progress to finish first. Needs no transaction: the caller holds
   * the lock until it closes the fence, and holds nothing the application's own pool serves.
   *
   * @throws RetryLaterException 503 {@code GATEWAY_BUSY} when every fence connection is in use for
   *     longer than the pool's connection time-out
   */
  public Fence enter(ConnectionId connection) {
    Connection db = fenceConnection(connection);
    try {
      db.setAutoCommit(false);
      return new Fence(db, lockedState(db, connection));
    } catch (SQLException | RuntimeException e) {
      release(db);
      throw e instanceof SQLException sql
          ? new IllegalStateException("cannot lock connection " + connection + " for a call", sql)
          : (RuntimeException) e;
    }
  }

  private Connection fenceConnection(ConnectionId connection) {
    try {
      return fencePool.getConnection();
    } catch (SQLException exhausted) {
      throw new RetryLaterException(
          503,
          "GATEWAY_BUSY",
          "Too many calls under way",
          "Every connection this node keeps for calls under way is in use; nothing was sent to the"
              + " vendor. Try again shortly.",
          1);
    }
  }

  private static void release(Connection db) {
    try (db) {
      db.rollback();
    } catch (SQLException ignored) {
      // A broken connection ends its transaction, and with it the lock, by itself.
    }
  }

  private Optional<ConnectionState> lockedState(Connection db, ConnectionId connection)
      throws SQLException {
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
