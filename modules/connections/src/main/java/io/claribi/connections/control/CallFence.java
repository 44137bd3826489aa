package io.claribi.connections.control;

import io.claribi.connections.entity.ConnectionState;
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
import javax.sql.DataSource;

/**
 * The shared lock a vendor call holds on its connection's row while it runs, so that a disconnect,
 * which needs that row exclusively, commits only after every call already under way has finished,
 * and every call that comes later finds the row gone. Shared, so calls through one connection still
 * run side by side; in the database, so it holds across every node that shares it.
 *
 * <p>JPA has no shared row lock (EclipseLink turns every pessimistic mode into {@code FOR UPDATE},
 * which would run one call per connection at a time), hence this one JDBC statement. It filters on
 * the bound organization itself, like EclipseLink's tenant filter does; it is named in the ArchUnit
 * rule that confines JDBC.
 */
@ApplicationScoped
public class CallFence {

  @Resource(lookup = "jdbc/claribi")
  DataSource dataSource;

  @Inject TenantBinding tenancy;

  private volatile String sql;

  /**
   * Takes a shared lock on the bound organization's connection until the caller's transaction ends,
   * waiting for a disconnect in progress to finish first.
   *
   * @return the connection's state, or empty if it does not exist (or no longer does)
   */
  @Transactional(TxType.MANDATORY)
  public Optional<ConnectionState> hold(ConnectionId connection) {
    // The handle is closed at once; the physical connection stays in the transaction, and with it
    // the lock, until the transaction ends.
    try (Connection db = dataSource.getConnection();
        PreparedStatement statement = db.prepareStatement(sql(db))) {
      statement.setString(1, connection.toString());
      statement.setString(2, tenancy.organization().value());
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next()
            ? Optional.of(ConnectionState.valueOf(rows.getString(1).trim()))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot lock connection " + connection + " for a call", e);
    }
  }

  private String sql(Connection db) throws SQLException {
    String known = sql;
    if (known == null) {
      known = sqlFor(db.getMetaData().getDatabaseProductName());
      sql = known;
    }
    return known;
  }

  static String sqlFor(String product) {
    String select =
        "SELECT state FROM connections WHERE id = ? AND " + TenantBinding.COLUMN + " = ?";
    String name = product.toLowerCase(Locale.ROOT);
    if (name.contains("postgresql")) {
      return select + " FOR SHARE";
    }
    if (name.contains("derby")) {
      // Read stability: the shared row lock is kept until the transaction ends.
      return select + " WITH RS";
    }
    throw new IllegalStateException(
        "Unsupported database " + product + ": calls need a shared row lock (Derby, PostgreSQL)");
  }
}
