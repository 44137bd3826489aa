package io.claribi.platform.control;

import io.claribi.platform.api.StartupOrder;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
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

  /**
   * Migrates on a thread of its own. Liquibase keeps its scope in an inheritable thread-local of
   * the thread that runs it: on one of the server's pooled threads that value would outlive this
   * application and hold its class loader (tens of megabytes per redeploy); a thread of its own
   * ends with the migration and takes the value with it. A plain thread, joined at once: a managed
   * one would wait for the application to finish starting, which waits for this.
   */
  void onStart(@Observes @Priority(StartupOrder.SCHEMA) Startup startup) {
    FutureTask<Void> migration = new FutureTask<>(() -> migrate(dataSource), null);
    Thread thread = new Thread(migration, "claribi-schema-migration");
    thread.setContextClassLoader(SchemaMigration.class.getClassLoader());
    thread.start();
    try {
      migration.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while migrating the schema", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException failure
          ? failure
          : new IllegalStateException("Schema migration failed", e.getCause());
    }
  }

  /** Applies every pending change set of {@link #CHANGELOG}, on the calling thread. */
  static void migrate(DataSource dataSource) {
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
