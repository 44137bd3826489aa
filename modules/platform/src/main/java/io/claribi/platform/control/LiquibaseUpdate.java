package io.claribi.platform.control;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
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
 * Liquibase's update of the whole changelog: every pending change set, under Liquibase's lock
 * table, so that several nodes may start at once. The only class that touches Liquibase, so that a
 * start that needs no update never loads it (decision 0045).
 */
final class LiquibaseUpdate {

  private static final Logger LOG = Logger.getLogger(LiquibaseUpdate.class.getName());

  // Liquibase 4.30+ would otherwise try to send usage analytics; we never call out.
  private static final Map<String, Object> SETTINGS =
      Map.of("liquibase.analytics.enabled", false, "liquibase.showBanner", false);

  private LiquibaseUpdate() {}

  /** Applies every pending change set of {@code changelog}; throws if anything fails. */
  static void apply(DataSource dataSource, String changelog) {
    try {
      update(dataSource, changelog);
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

  private static void update(DataSource dataSource, String changelog) {
    try (Connection connection = dataSource.getConnection()) {
      Database database =
          DatabaseFactory.getInstance()
              .findCorrectDatabaseImplementation(new JdbcConnection(connection));
      Map<String, Object> scope = new HashMap<>(SETTINGS);
      scope.put(
          Scope.Attr.resourceAccessor.name(),
          new ClassLoaderResourceAccessor(LiquibaseUpdate.class.getClassLoader()));
      Scope.child(
          scope,
          () ->
              new CommandScope(UpdateCommandStep.COMMAND_NAME)
                  .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                  .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                  .execute());
      if (!connection.getAutoCommit()) {
        connection
            .commit(); // Liquibase leaves a read open; end it cleanly instead of a rollback warning
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot reach the database to migrate the schema: " + e.getMessage(), e);
    } catch (Exception e) {
      throw new IllegalStateException("Schema migration failed: " + e.getMessage(), e);
    }
  }
}
