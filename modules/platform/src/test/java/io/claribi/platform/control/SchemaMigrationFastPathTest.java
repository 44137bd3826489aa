package io.claribi.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fingerprint fast path on a real (in-memory Derby) database and real Liquibase. */
class SchemaMigrationFastPathTest {

  private static final String ONE = "db/changelog/fingerprint/one.xml";
  private static final String TWO = "db/changelog/fingerprint/two.xml";

  private final Logger log = Logger.getLogger(SchemaMigration.class.getName());
  private final List<String> said = new CopyOnWriteArrayList<>();
  private final Handler listener =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          said.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private EmbeddedDataSource database;

  @BeforeEach
  void freshDatabase() {
    database = new EmbeddedDataSource();
    database.setDatabaseName("memory:fingerprint-" + System.nanoTime());
    database.setCreateDatabase("create");
    log.addHandler(listener);
  }

  @AfterEach
  void stopListening() {
    log.removeHandler(listener);
  }

  @Test
  void a_new_database_gets_liquibase_and_the_fingerprint_is_recorded() throws Exception {
    SchemaMigration.migrate(database, ONE);

    assertThat(said).singleElement().asString().contains("Liquibase update ran");
    assertThat(count("first_table")).isZero();
    assertThat(count("schema_fingerprint")).isEqualTo(1);
  }

  @Test
  void a_start_with_a_recorded_changelog_skips_liquibase() throws Exception {
    SchemaMigration.migrate(database, ONE);
    int applied = count("databasechangelog");
    said.clear();

    SchemaMigration.migrate(database, ONE);

    assertThat(said).singleElement().asString().contains("Liquibase not run");
    assertThat(count("databasechangelog")).isEqualTo(applied);
    assertThat(count("schema_fingerprint")).isEqualTo(1);
  }

  @Test
  void a_changelog_with_a_new_change_set_runs_liquibase_and_applies_it() throws Exception {
    SchemaMigration.migrate(database, ONE);
    said.clear();

    SchemaMigration.migrate(database, TWO);

    assertThat(said).singleElement().asString().contains("Liquibase update ran");
    assertThat(count("second_table")).isZero();
    assertThat(count("schema_fingerprint")).isEqualTo(2);
  }

  @Test
  void a_recorded_fingerprint_is_trusted_until_another_changelog_runs_liquibase() throws Exception {
    SchemaMigration.migrate(database, ONE);
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("DELETE FROM databasechangelog WHERE id = 'fingerprint-first-table'");
      statement.executeUpdate("DROP TABLE first_table");
    }
    said.clear();

    // The fingerprint is still there, so this start trusts it: what an edited database gets.
    SchemaMigration.migrate(database, ONE);
    assertThat(said).singleElement().asString().contains("Liquibase not run");

    // Another changelog runs Liquibase, which repairs what its own table says is missing; the
    // fingerprint of ONE is recorded already, and recording TWO's is no failure either.
    SchemaMigration.migrate(database, TWO);
    assertThat(count("first_table")).isZero();
    assertThat(count("second_table")).isZero();
  }

  @Test
  void a_fingerprint_another_node_recorded_meanwhile_is_no_failure() throws Exception {
    SchemaMigration.migrate(database, ONE);
    String fingerprint = ChangelogFingerprint.of(getClass().getClassLoader(), ONE).orElseThrow();
    said.clear();

    SchemaMigration.record(database, fingerprint);

    assertThat(said).as("no warning").isEmpty();
    assertThat(count("schema_fingerprint")).isEqualTo(1);
  }

  @Test
  void an_unreachable_database_still_fails_the_start_with_liquibases_message() {
    EmbeddedDataSource missing = new EmbeddedDataSource();
    missing.setDatabaseName("memory:never-created-" + System.nanoTime());

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SchemaMigration.migrate(missing, ONE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Cannot reach the database");
  }

  private int count(String table) throws SQLException {
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
