package io.claribi.gateway.control;

import io.claribi.platform.api.DeferredAuditEvent;
import io.claribi.platform.api.OrganizationId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The usage records that calls wrote and the relay has not yet chained ({@code usage_outbox},
 * decision 36). A call's insert commits on its own, one round trip, before the caller has its
 * answer. The relay's reads and deletes join the transaction that chains the records, so a record
 * leaves the outbox exactly when it enters the trail. Plain SQL: the relay reads across
 * organizations and binds each record's own (named in the ArchUnit rule that confines JDBC).
 */
@ApplicationScoped
public class UsageOutbox {

  @Resource(lookup = "jdbc/claribi")
  DataSource dataSource;

  /** Writes a record now; it is durable when this returns. */
  public void add(OrganizationId organization, Instant writtenAt, String recordJson) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "INSERT INTO usage_outbox (organization_id, written_at, record_json)"
                    + " VALUES (?, ?, ?)")) {
      statement.setString(1, organization.value());
      statement.setTimestamp(2, Timestamp.from(writtenAt));
      statement.setString(3, recordJson);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot write a usage record", e);
    }
  }

  /**
   * The oldest records, in the order they were written.
   *
   * @param decode reads a record's text; a record it cannot read is returned without one
   */
  public List<PendingUsage> oldest(int limit, Function<String, DeferredAuditEvent> decode) {
    String sql =
        "SELECT id, organization_id, record_json FROM usage_outbox ORDER BY id FETCH FIRST "
            + Math.max(1, limit)
            + " ROWS ONLY";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      List<PendingUsage> pending = new ArrayList<>();
      while (rows.next()) {
        String json = rows.getString(3);
        pending.add(
            new PendingUsage(
                rows.getLong(1),
                new OrganizationId(rows.getString(2)),
                readable(json, decode),
                json));
      }
      return pending;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the usage outbox", e);
    }
  }

  private static Optional<DeferredAuditEvent> readable(
      String json, Function<String, DeferredAuditEvent> decode) {
    try {
      return Optional.of(decode.apply(json));
    } catch (RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  /**
   * Deletes records, in the caller's transaction when there is one.
   *
   * @return how many were still there (fewer: another node relayed them meanwhile)
   */
  public int remove(List<Long> ids) {
    if (ids.isEmpty()) {
      return 0;
    }
    String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement("DELETE FROM usage_outbox WHERE id IN (" + marks + ")")) {
      for (int i = 0; i < ids.size(); i++) {
        statement.setLong(i + 1, ids.get(i));
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot remove relayed usage records", e);
    }
  }

  /** Records written and not yet chained (the operations view and tests). */
  public long count() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement("SELECT COUNT(*) FROM usage_outbox");
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count the usage outbox", e);
    }
  }
}
