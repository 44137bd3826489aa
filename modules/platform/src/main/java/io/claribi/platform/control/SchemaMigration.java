package io.claribi.platform.control;

import io.claribi.platform.api.StartupOrder;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Brings the schema to the current version before the application serves a request.
 *
 * <p>The same Liquibase changelog runs on Derby and PostgreSQL; JPA never generates DDL.
 * Liquibase's lock table makes it safe for several nodes starting at once. A failed migration fails
 * the application start, so a half-migrated schema is never served.
 *
 * <p>Liquibase costs about 3 s of CPU even when nothing is pending, on every start of every node.
 * After a successful update the changelog's fingerprint is recorded in {@code schema_fingerprint};
 * a start that finds its fingerprint there has nothing to apply and skips Liquibase without loading
 * it (decision 0045). Change sets are never edited once released, so a recorded fingerprint stays
 * applied; any other changelog, or a Liquibase upgrade, runs Liquibase as before.
 */
@ApplicationScoped
public class SchemaMigration {

  public static final String DATA_SOURCE = "jdbc/claribi";
  public static final String CHANGELOG = "db/changelog/claribi.xml";

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = DATA_SOURCE)
  DataSource dataSource;

  void onStart(@Observes @Priority(StartupOrder.SCHEMA) Startup startup) {
    migrate(dataSource);
  }

  /** Applies every pending change set of {@link #CHANGELOG}, unless its fingerprint says none. */
  static void migrate(DataSource dataSource) {
    migrate(dataSource, CHANGELOG);
  }

  /** Applies every pending change set of {@code changelog}, unless its fingerprint says none. */
  static void migrate(DataSource dataSource, String changelog) {
    long started = System.nanoTime();
    Optional<String> fingerprint =
        ChangelogFingerprint.of(SchemaMigration.class.getClassLoader(), changelog);
    if (fingerprint.isPresent() && recorded(dataSource, fingerprint.get())) {
      LOG.info(
          () ->
              "Schema is up to date: changelog "
                  + fingerprint.get().substring(0, 12)
                  + " was applied before; Liquibase not run ("
                  + millisSince(started)
                  + " ms)");
      return;
    }
    LiquibaseUpdate.apply(dataSource, changelog);
    fingerprint.ifPresent(applied -> record(dataSource, applied));
    LOG.info(() -> "Schema is up to date: Liquibase update ran (" + millisSince(started) + " ms)");
  }

  /** Whether this changelog was applied in full before. Any failure (no table yet) says no. */
  static boolean recorded(DataSource dataSource, String fingerprint) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement("SELECT 1 FROM schema_fingerprint WHERE fingerprint = ?")) {
      query.setString(1, fingerprint);
      try (ResultSet row = query.executeQuery()) {
        return row.next();
      }
    } catch (SQLException notYet) {
      LOG.fine(() -> "No schema fingerprint to compare: " + notYet.getMessage());
      return false;
    }
  }

  /**
   * Records a changelog that Liquibase applied in full. Another node starting at the same time may
   * record it first; if recording fails, the next start runs Liquibase again, which is only slower.
   */
  static void record(DataSource dataSource, String fingerprint) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO schema_fingerprint (fingerprint, recorded_at) VALUES (?, ?)")) {
      insert.setString(1, fingerprint);
      insert.setTimestamp(2, Timestamp.from(Instant.now()));
      insert.executeUpdate();
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      if (!recorded(dataSource, fingerprint)) {
        LOG.log(
            Level.WARNING,
            "Could not record the schema fingerprint; the next start runs Liquibase again",
            e);
      }
    }
  }

  private static long millisSince(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }
}
