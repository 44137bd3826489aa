package it.io.claribi;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL database of the tests, taken away and given back as a stopped and restarted
 * cluster would be, for this database alone: new connections are refused and every open one is
 * ended. The machine's other databases (and whoever else uses its cluster) are left alone.
 */
final class Database {

  private static final String NAME = System.getProperty("claribi.db.name", "test");

  private Database() {}

  private static boolean restoredAtExit;

  /**
   * Refuses new connections to the tests' database and ends the open ones. Should the test JVM end
   * before {@link #back()}, the database is given back as it exits (and .ci/run gives it back
   * before the PostgreSQL phase).
   */
  static void away() throws IOException, InterruptedException {
    synchronized (Database.class) {
      if (!restoredAtExit) {
        restoredAtExit = true;
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        back();
                      } catch (Exception e) {
                        System.err.println("Could not give the test database back: " + e);
                      }
                    }));
      }
    }
    admin(
        "ALTER DATABASE \"" + NAME + "\" ALLOW_CONNECTIONS false",
        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '"
            + NAME
            + "'");
  }

  /** Accepts connections again. */
  static void back() throws IOException, InterruptedException {
    admin("ALTER DATABASE \"" + NAME + "\" ALLOW_CONNECTIONS true");
  }

  /** How many connections to the tests' database are open. */
  static int connections() throws IOException, InterruptedException {
    return Integer.parseInt(
        admin("SELECT count(*) FROM pg_stat_activity WHERE datname = '" + NAME + "'").strip());
  }

  /** Runs statements as the superuser, connected to the maintenance database. */
  private static String admin(String... statements) throws IOException, InterruptedException {
    List<String> command =
        new java.util.ArrayList<>(
            List.of("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-Atq"));
    for (String statement : statements) {
      command.add("-c");
      command.add(statement);
    }
    Process psql = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(psql.getInputStream().readAllBytes());
    if (!psql.waitFor(30, TimeUnit.SECONDS) || psql.exitValue() != 0) {
      throw new IllegalStateException("psql failed: " + output);
    }
    return output;
  }
}
