package io.claribi.platform.control;

import io.claribi.platform.api.StartupOrder;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Brings the schema to the current version before the application serves a request.
 *
 * <p>The same Liquibase changelog runs on Derby and PostgreSQL; JPA never generates DDL.
 * Liquibase's lock table makes it safe for several nodes starting at once. A failed migration fails
 * the application start, so a half-migrated schema is never served.
 */
@ApplicationScoped
public class SchemaMigration {

  public static final String DATA_SOURCE = "jdbc/claribi";
  public static final String CHANGELOG = "db/changelog/claribi.xml";

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  // Liquibase 4.30+ would otherwise try to send usage analytics; we never call out.
  private static final Map<String, Object> SETTINGS =
      Map.of("liquibase.analytics.enabled", false, "liquibase.showBanner", false);

  @Resource(lookup = DATA_SOURCE)
  DataSource dataSource;

  void onStart(@Observes @Priority(StartupOrder.SCHEMA) Startup startup) {
    migrate(dataSource);
  }

  /** Applies every pending change set of {@link #CHANGELOG}. */
  static void migrate(DataSource dataSource) {
    try {
      applyChangelog(dataSource);
    } finally {
      forgetLiquibaseScope();
    }
  }

  /**
   * Liquibase keeps its scope manager in a static inheritable thread-local of the thread that ran
   * it, here one of the server's pooled threads, and offers no way to remove it. Left there, it
   * holds this application's class loader (tens of megabytes) after every undeploy, and threads
   * started from this one inherit it. Running the migration on a thread of its own is no way out: a
   * managed thread waits for the application start, which waits for the migration, and the pool's
   * connections refuse clean-up on an unmanaged one.
   */
  static void forgetLiquibaseScope() {
    try {
      Field field = Scope.class.getDeclaredField("scopeManager");
      field.setAccessible(true);
      ((ThreadLocal<?>) field.get(null)).remove();
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warning(
          "Could not clear Liquibase's thread-local scope; an undeploy may leave this"
              + " application's classes in memory: "
              + e);
    }
  }

  private static void applyChangelog(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      Database database =
          DatabaseFactory.getInstance()
              .findCorrectDatabaseImplementation(new JdbcConnection(connection));
      Map<String, Object> scope = new java.util.HashMap<>(SETTINGS);
      scope.put(
          Scope.Attr.resourceAccessor.name(),
          new ClassLoaderResourceAccessor(SchemaMigration.class.getClassLoader()));
      Scope.child(
          scope,
          () ->
              new CommandScope(UpdateCommandStep.COMMAND_NAME)
                  .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                  .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                  .execute());
      if (!connection.getAutoCommit()) {
        connection
            .commit(); // Liquibase leaves a read open; end it cleanly instead of a rollback warning
      }
      LOG.info(() -> "Schema is up to date on " + database.getDatabaseProductName());
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot reach the database to migrate the schema: " + e.getMessage(), e);
    } catch (Exception e) {
      throw new IllegalStateException("Schema migration failed: " + e.getMessage(), e);
    }
  }
}
