package io.claribi.uploads.control.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What raw SQL could do on the connection a query runs on, if it ever got there: nothing outside.
 */
class UploadLockdownTest {

  @TempDir Path dir;

  private Path otherUpload;
  private LockedDownDuckDb cut;

  @BeforeEach
  void load() throws IOException {
    Path upload = Files.writeString(dir.resolve("mine.csv"), "a,b\n1,x\n2,y\n");
    otherUpload = Files.writeString(dir.resolve("other-organization.csv"), "secret\nhunter2\n");
    cut = LockedDownDuckDb.load(upload, UploadFormat.CSV, UploadLimits.defaults());
  }

  @AfterEach
  void close() {
    cut.close();
  }

  private static String literal(Path path) {
    return "'" + path.toString().replace("'", "''") + "'";
  }

  private void assertRefused(String sql, String because) {
    assertThatThrownBy(() -> cut.execute(sql))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining(because);
  }

  @Test
  void its_own_table_is_readable() throws SQLException {
    cut.execute("SELECT count(*) FROM upload");

    assertThat(cut.schema().rowCount()).isEqualTo(2);
  }

  @Test
  void local_files_are_refused() {
    assertRefused("SELECT * FROM read_csv('/etc/passwd')", "disabled by configuration");
    assertRefused("SELECT * FROM read_text('/etc/passwd')", "disabled by configuration");
    assertRefused("SELECT * FROM glob('/etc/*')", "disabled by configuration");
  }

  @Test
  void another_upload_in_the_same_directory_is_refused() {
    assertRefused("SELECT * FROM read_csv(" + literal(otherUpload) + ")", "disabled");
    assertRefused("SELECT * FROM " + literal(otherUpload), "disabled");
  }

  @Test
  void the_network_is_refused() {
    assertRefused("SELECT * FROM read_csv('http://127.0.0.1:1/x.csv')", "disabled");
  }

  @Test
  void extensions_can_be_neither_installed_nor_loaded() {
    assertRefused("INSTALL httpfs", "disabled");
    assertRefused("LOAD httpfs", "disabled");
  }

  @Test
  void no_other_database_can_be_attached_from_disk() {
    assertRefused("ATTACH " + literal(dir.resolve("x.duckdb")) + " AS x", "disabled");
    assertThat(dir.resolve("x.duckdb")).doesNotExist();
  }

  @Test
  void nothing_can_be_written_out() {
    Path out = dir.resolve("out.csv");

    assertRefused("COPY upload TO " + literal(out), "disabled");
    assertRefused("EXPORT DATABASE " + literal(dir.resolve("export")), "disabled");
    assertThat(out).doesNotExist();
  }

  @Test
  void the_lock_cannot_be_undone() {
    assertRefused("SET enable_external_access = true", "locked");
    assertRefused("SET lock_configuration = false", "locked");
    assertRefused("RESET lock_configuration", "locked");
    assertRefused("SET memory_limit = '64GB'", "locked");
    assertRefused("SET autoload_known_extensions = true", "locked");
  }

  @Test
  void a_refused_statement_leaves_the_connection_locked_and_usable() throws SQLException {
    assertRefused("SELECT * FROM read_csv('/etc/passwd')", "disabled");

    cut.execute("SELECT * FROM upload");
    assertRefused("SELECT * FROM read_csv('/etc/passwd')", "disabled");
  }
}
