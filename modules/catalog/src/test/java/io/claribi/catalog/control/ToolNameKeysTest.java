package io.claribi.catalog.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.claribi.platform.api.Sha256;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;

/**
 * Changelog catalog/005 on both databases: existing tools get the key of their exact name, and
 * afterwards names that differ only by trailing blanks are two rows, which Derby refused before.
 */
class ToolNameKeysTest {

  @Test
  void on_derby() throws Exception {
    try (Connection db =
        DriverManager.getConnection(
            "jdbc:derby:memory:toolkeys" + UUID.randomUUID() + ";create=true")) {
      migrateAndAttack(db);
    }
  }

  @Test
  void on_postgresql() throws Exception {
    String schema = "toolkeys_" + UUID.randomUUID().toString().replace("-", "");
    Connection admin;
    try {
      admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
    } catch (SQLException unreachable) {
      // On CI a missing database is a failure; on a laptop without PostgreSQL the test is skipped.
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(
            "CI runs PostgreSQL on 127.0.0.1:5432, but it is unreachable", unreachable);
      }
      assumeTrue(false, "no PostgreSQL on 127.0.0.1:5432 (CI has one)");
      return;
    }
    try (admin;
        Statement ddl = admin.createStatement()) {
      ddl.execute("CREATE SCHEMA " + schema);
      try (Connection db =
          DriverManager.getConnection(
              "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema, "postgres", "")) {
        migrateAndAttack(db);
      } finally {
        ddl.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }

  private static void migrateAndAttack(Connection db) throws Exception {
    migrate(db, "db/changelog/test/catalog-before-005.xml");
    insertVendor(db);
    Map<String, String> before = new LinkedHashMap<>();
    before.put(UUID.randomUUID().toString(), "list_customers");
    before.put(UUID.randomUUID().toString(), "get_balance");
    for (Map.Entry<String, String> tool : before.entrySet()) {
      insertTool(db, tool.getKey(), tool.getValue(), null);
    }

    migrate(db, "db/changelog/test/catalog-all.xml");

    for (Map.Entry<String, String> tool : before.entrySet()) {
      assertThat(keyOf(db, tool.getKey()))
          .as(tool.getValue())
          .isEqualTo(Sha256.hex(tool.getValue()));
    }
    insertTool(db, UUID.randomUUID().toString(), "list_customers ", Sha256.hex("list_customers "));
    insertTool(
        db, UUID.randomUUID().toString(), "list_customers  ", Sha256.hex("list_customers  "));
    assertThatThrownBy(
            () ->
                insertTool(
                    db,
                    UUID.randomUUID().toString(),
                    "list_customers",
                    Sha256.hex("list_customers")))
        .as("the exact same name twice is still refused")
        .isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> insertTool(db, UUID.randomUUID().toString(), "no_key", null))
        .as("every row has a key")
        .isInstanceOf(SQLException.class);
    if (!db.getAutoCommit()) {
      db.rollback(); // Liquibase left auto-commit off; end the test's transaction
    }
  }

  private static void migrate(Connection connection, String changelog) throws Exception {
    Database database =
        DatabaseFactory.getInstance()
            .findCorrectDatabaseImplementation(new JdbcConnection(connection));
    Scope.child(
        Map.of(
            "liquibase.analytics.enabled",
            false,
            Scope.Attr.resourceAccessor.name(),
            new ClassLoaderResourceAccessor(ToolNameKeysTest.class.getClassLoader())),
        () ->
            new CommandScope(UpdateCommandStep.COMMAND_NAME)
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                .execute());
    if (!connection.getAutoCommit()) {
      connection.commit();
    }
  }

  private static void insertVendor(Connection db) throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO catalog_vendors (id, display_name, kind, server_url, read_scopes,"
                + " data_domains, resources_enabled, state, source, changed_by, changed_at,"
                + " change_reason, version) VALUES ('v', 'V', 'MCP', 'https://v.example/mcp',"
                + " '', '', FALSE, 'ACTIVE', 'OPERATOR', 'test', ?, 'test', 1)")) {
      insert.setTimestamp(1, Timestamp.from(Instant.now()));
      insert.executeUpdate();
    }
  }

  private static void insertTool(Connection db, String id, String name, String key)
      throws SQLException {
    boolean keyed = key != null || hasKeyColumn(db);
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO catalog_tools (id, vendor_id, name, input_schema, fingerprint,"
                + " first_seen_at, last_seen_at, listed, version"
                + (keyed ? ", name_key" : "")
                + ") VALUES (?, 'v', ?, '{}', ?, ?, ?, TRUE, 1"
                + (keyed ? ", ?" : "")
                + ")")) {
      Timestamp now = Timestamp.from(Instant.now());
      insert.setString(1, id);
      insert.setString(2, name);
      insert.setString(3, Sha256.hex(name));
      insert.setTimestamp(4, now);
      insert.setTimestamp(5, now);
      if (keyed) {
        insert.setString(6, key);
      }
      insert.executeUpdate();
    }
  }

  private static boolean hasKeyColumn(Connection db) throws SQLException {
    try (ResultSet columns = db.getMetaData().getColumns(null, db.getSchema(), "%", "%")) {
      while (columns.next()) {
        if (columns.getString("TABLE_NAME").equalsIgnoreCase("catalog_tools")
            && columns.getString("COLUMN_NAME").equalsIgnoreCase("name_key")) {
          return true;
        }
      }
    }
    return false;
  }

  private static String keyOf(Connection db, String id) throws SQLException {
    try (PreparedStatement select =
        db.prepareStatement("SELECT name_key FROM catalog_tools WHERE id = ?")) {
      select.setString(1, id);
      try (ResultSet row = select.executeQuery()) {
        assertThat(row.next()).isTrue();
        return row.getString(1);
      }
    }
  }
}
