package io.claribi.platform.api;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a failure caused by the database being out of reach (stopped, restarting, unreachable,
 * refusing connections, its pool exhausted) from any other: the first is the operator's to fix and
 * the client's to retry (503 {@code DATABASE_UNAVAILABLE}), the second a fault of ours (500).
 * Decided by the SQL states of the chain, which both PostgreSQL and Derby report by the standard.
 */
public final class DatabaseUnavailable {

  /** Seconds a client is told to wait: about the time a restarted database takes to accept. */
  public static final long RETRY_AFTER_SECONDS = 5;

  private DatabaseUnavailable() {}

  /**
   * The SQL state that shows the database out of reach somewhere in the failure's causes (and their
   * next exceptions), if any.
   */
  public static Optional<String> in(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        Set<SQLException> chained = Collections.newSetFromMap(new IdentityHashMap<>());
        for (SQLException next = sql;
            next != null && chained.add(next);
            next = next.getNextException()) {
          Optional<String> state = unavailable(next);
          if (state.isPresent()) {
            return state;
          }
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> unavailable(SQLException sql) {
    String state = sql.getSQLState() == null ? "" : sql.getSQLState();
    if (sql instanceof SQLTransientConnectionException
        || sql instanceof SQLNonTransientConnectionException
        || isUnavailableState(state)) {
      return Optional.of(state.isEmpty() ? sql.getClass().getSimpleName() : state);
    }
    return Optional.empty();
  }

  /**
   * Class 08 (connection exception, the standard's); PostgreSQL's 57P01–57P03 (the server shuts
   * down, crashed, or cannot accept connections yet), 53300 (too many connections) and 55000 (the
   * database does not accept connections: raised to a client while connecting).
   */
  static boolean isUnavailableState(String state) {
    return state.startsWith("08")
        || state.equals("57P01")
        || state.equals("57P02")
        || state.equals("57P03")
        || state.equals("53300")
        || state.equals("55000");
  }
}
