package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL only: after docs/sql/audit-grants.sql, the application's role can add and read audit
 * events but cannot update, delete or truncate them; only the retention role can delete. Runs on
 * the schema the server migrated for this build.
 */
class AuditGrantsIT {

  static final String APP = "claribi_app";
  static final String RETENTION = "claribi_audit_retention";
  static final String SCHEMA = System.getProperty("claribi.db.schema", "");

  @BeforeAll
  static void applyTheGrantScript() throws Exception {
    assumeTrue(
        "postgresql".equals(System.getProperty("claribi.db.kind")), "PostgreSQL profile only");
    try (Connection owner = connect("postgres");
        Statement s = owner.createStatement()) {
      for (String role : new String[] {APP, RETENTION}) {
        s.execute(
            "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '"
                + role
                + "') THEN CREATE ROLE "
                + role
                + " LOGIN; END IF; END $$");
        s.execute("GRANT USAGE ON SCHEMA " + SCHEMA + " TO " + role);
      }
      String script = Files.readString(Path.of("../docs/sql/audit-grants.sql"));
      for (String statement : statements(script)) {
        s.execute(statement);
      }
    }
  }

  @Test
  void the_application_role_adds_and_reads_events_but_never_changes_or_removes_them()
      throws Exception {
    String id = UUID.randomUUID().toString();
    try (Connection app = connect(APP)) {
      insertEvent(app, id);
      assertThat(actorOf(app, id)).as("the event it added, read back").isEqualTo("grants-it");

      assertDenied(app, "UPDATE audit_events SET actor = 'mallory' WHERE id = '" + id + "'");
      assertDenied(app, "DELETE FROM audit_events WHERE id = '" + id + "'");
      assertDenied(app, "TRUNCATE audit_events");
    }
    try (Connection retention = connect(RETENTION)) {
      assertDenied(retention, "UPDATE audit_events SET actor = 'mallory' WHERE id = '" + id + "'");
      assertThat(
              retention
                  .createStatement()
                  .executeUpdate("DELETE FROM audit_events WHERE id = '" + id + "'"))
          .isEqualTo(1);
    }
  }

  private static void insertEvent(Connection c, String id) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO audit_events (id, organization_id, sequence_no, occurred_at, event_type,"
                + " actor, request_id, details, previous_hash, hash)"
                + " VALUES (?, ?, 1, ?, 'PLAN_CHANGED', 'grants-it', 'grants-it-0001', '{}', ?, ?)")) {
      s.setString(1, id);
      s.setString(2, "grants-" + id.substring(0, 8));
      s.setTimestamp(3, Timestamp.from(Instant.now()));
      s.setString(4, "0".repeat(64));
      s.setString(5, "f".repeat(64));
      s.executeUpdate();
    }
  }

  /** The actor of the event with this id, as this connection's role reads it. */
  private static String actorOf(Connection c, String id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT actor FROM audit_events WHERE id = ?")) {
      s.setString(1, id);
      try (ResultSet rows = s.executeQuery()) {
        assertThat(rows.next()).as("event " + id + " found").isTrue();
        return rows.getString(1);
      }
    }
  }

  private static void assertDenied(Connection c, String sql) {
    assertThatThrownBy(() -> c.createStatement().execute(sql))
        .as(sql)
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
  }

  private static Connection connect(String user) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + SCHEMA, user, "");
  }

  static String[] statements(String script) {
    String withoutComments = script.replaceAll("(?m)^\\s*--.*$", "");
    return Arrays.stream(withoutComments.split(";"))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toArray(String[]::new);
  }
}
