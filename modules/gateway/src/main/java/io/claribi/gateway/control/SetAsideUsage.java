package io.claribi.gateway.control;

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
import javax.sql.DataSource;

/**
 * Usage records the audit trail refused on their own, kept in {@code usage_records_set_aside} until
 * an operator retries them. The table serves the operator's view across organizations, so it is
 * plain SQL (named in the ArchUnit rule that confines JDBC); each statement commits on its own,
 * outside the audit write that failed. The record is stored ASCII-encoded by the caller, so a
 * character the audit table refused cannot make this insert fail too.
 */
@ApplicationScoped
public class SetAsideUsage {

  private static final String COLUMNS =
      "id, organization_id, set_aside_at, event_type, connection_id, vendor, request_id, reason,"
          + " record_json";

  @Resource(lookup = "jdbc/claribi")
  DataSource dataSource;

  /** One record set aside. {@code recordJson} holds printable ASCII only. */
  public record Entry(
      String id,
      OrganizationId organization,
      Instant setAsideAt,
      String type,
      String connection,
      String vendor,
      String requestId,
      String reason,
      String recordJson) {}

  public void add(Entry entry) {
    String sql = "INSERT INTO usage_records_set_aside (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?)";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, entry.id());
      statement.setString(2, entry.organization().value());
      statement.setTimestamp(3, Timestamp.from(entry.setAsideAt()));
      statement.setString(4, entry.type());
      statement.setString(5, entry.connection());
      statement.setString(6, entry.vendor());
      statement.setString(7, entry.requestId());
      statement.setString(8, entry.reason());
      statement.setString(9, entry.recordJson());
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot set a usage record aside", e);
    }
  }

  /** The newest {@code limit} records, newest first. */
  public List<Entry> newest(int limit) {
    String sql =
        "SELECT " + COLUMNS + " FROM usage_records_set_aside ORDER BY set_aside_at DESC, id";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setMaxRows(limit);
      try (ResultSet rows = statement.executeQuery()) {
        List<Entry> entries = new ArrayList<>();
        while (rows.next()) {
          entries.add(entry(rows));
        }
        return entries;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list usage records set aside", e);
    }
  }

  public Optional<Entry> find(String id) {
    String sql = "SELECT " + COLUMNS + " FROM usage_records_set_aside WHERE id = ?";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, id);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? Optional.of(entry(rows)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read a usage record set aside", e);
    }
  }

  public long count() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement("SELECT COUNT(*) FROM usage_records_set_aside");
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count usage records set aside", e);
    }
  }

  /**
   * @return whether it was there
   */
  public boolean remove(String id) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement("DELETE FROM usage_records_set_aside WHERE id = ?")) {
      statement.setString(1, id);
      return statement.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot remove a usage record set aside", e);
    }
  }

  /**
   * Whether the database answers at all. Tells a database that is down (keep every record queued)
   * from one record that the database refuses (set it aside).
   */
  public boolean databaseAnswers() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private static Entry entry(ResultSet rows) throws SQLException {
    return new Entry(
        rows.getString(1).trim(),
        new OrganizationId(rows.getString(2)),
        rows.getTimestamp(3).toInstant(),
        rows.getString(4),
        rows.getString(5),
        rows.getString(6),
        rows.getString(7),
        rows.getString(8),
        rows.getString(9));
  }
}
