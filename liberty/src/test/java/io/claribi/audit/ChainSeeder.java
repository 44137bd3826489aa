package io.claribi.audit;

import io.claribi.audit.control.EventHash;
import io.claribi.audit.entity.EventContent;
import io.claribi.platform.api.AuditEventType;
import io.claribi.platform.api.OrganizationId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.LongFunction;
import javax.naming.InitialContext;
import javax.sql.DataSource;

/**
 * Test only: appends correctly chained events straight into the database with batched JDBC, far
 * faster than one transaction per event, continuing the organization's chain from its head. Also
 * the tool the tampering tests use to change rows behind the application's back.
 */
public final class ChainSeeder {

  private static final String INSERT =
      "INSERT INTO audit_events (id, organization_id, sequence_no, occurred_at, event_type, actor,"
          + " connection_id, vendor, request_id, client_address, details, previous_hash, hash)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private ChainSeeder() {}

  public static DataSource dataSource() throws Exception {
    return InitialContext.doLookup("jdbc/claribi");
  }

  /** Appends {@code count} tool-call events at the times given by {@code time(sequence)}. */
  public static void append(String organization, long count, LongFunction<Instant> time)
      throws Exception {
    OrganizationId org = new OrganizationId(organization);
    try (Connection c = dataSource().getConnection()) {
      c.setAutoCommit(false);
      long sequence = 0;
      String previous = "0".repeat(64);
      boolean headExists = false;
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT last_sequence, last_hash FROM audit_chain_heads WHERE id = ?")) {
        s.setString(1, organization);
        try (ResultSet rs = s.executeQuery()) {
          if (rs.next()) {
            headExists = true;
            sequence = rs.getLong(1);
            previous = rs.getString(2);
          }
        }
      }
      try (PreparedStatement insert = c.prepareStatement(INSERT)) {
        for (long i = 1; i <= count; i++) {
          long seq = sequence + i;
          EventContent content = used(seq, time.apply(seq));
          String hash = EventHash.of(org, content, previous);
          bind(insert, organization, content, previous, hash);
          insert.addBatch();
          previous = hash;
          if (i % 1000 == 0) {
            insert.executeBatch();
            c.commit();
          }
        }
        insert.executeBatch();
      }
      long last = sequence + count;
      String sql =
          headExists
              ? "UPDATE audit_chain_heads SET last_sequence = ?, last_hash = ?, updated_at = ?"
                  + " WHERE id = ?"
              : "INSERT INTO audit_chain_heads (last_sequence, last_hash, updated_at, id,"
                  + " organization_id) VALUES (?, ?, ?, ?, ?)";
      try (PreparedStatement head = c.prepareStatement(sql)) {
        head.setLong(1, last);
        head.setString(2, previous);
        head.setTimestamp(3, Timestamp.from(Instant.now()));
        head.setString(4, organization);
        if (!headExists) {
          head.setString(5, organization);
        }
        head.executeUpdate();
      }
      c.commit();
    }
  }

  /** A tool call; every 997th carries a formula where a spreadsheet would run it. */
  static EventContent used(long sequence, Instant at) {
    TreeMap<String, String> details = new TreeMap<>();
    details.put(
        "tool", sequence % 997 == 0 ? "=HYPERLINK(\"http://evil\",\"x\")" : "list_invoices");
    details.put("outcome", "OK");
    details.put("durationMs", Long.toString(sequence % 50));
    return new EventContent(
        UUID.randomUUID().toString(),
        sequence,
        at,
        AuditEventType.CONNECTION_USED,
        sequence % 991 == 0 ? "@attacker" : "gateway@acme",
        "c-" + (sequence % 5),
        "acme-payments",
        "seed-" + sequence,
        "127.0.0.1",
        details);
  }

  private static void bind(
      PreparedStatement s, String organization, EventContent e, String previous, String hash)
      throws SQLException {
    s.setString(1, e.id());
    s.setString(2, organization);
    s.setLong(3, e.sequence());
    s.setTimestamp(4, Timestamp.from(e.occurredAt()));
    s.setString(5, e.type().name());
    s.setString(6, e.actor());
    s.setString(7, e.connection());
    s.setString(8, e.vendor());
    s.setString(9, e.requestId());
    s.setString(10, e.clientAddress());
    s.setString(11, e.detailsJson());
    s.setString(12, previous);
    s.setString(13, hash);
  }

  /** Runs one statement behind the application's back, as an attacker with database access. */
  public static int execute(String sql, Object... parameters) throws Exception {
    try (Connection c = dataSource().getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      return s.executeUpdate();
    }
  }

  public static long count(String organization) throws Exception {
    try (Connection c = dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT COUNT(*) FROM audit_events WHERE organization_id = ?")) {
      s.setString(1, organization);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
