package io.claribi.platform.api;

import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs a transactional change again when it lost a race with another request for the same rows (a
 * duplicate key, a stale version, a lock not granted or a deadlock), each time in a new
 * transaction; after the last attempt the client gets 409 {@code CONCURRENT_UPDATE} with a
 * Retry-After instead of a 500. Call it from outside the transaction boundary.
 */
public final class ConcurrentUpdates {

  /** Unique violation (both databases), serialization failure or deadlock, lock time-outs. */
  private static final Set<String> RACE_STATES =
      Set.of("23505", "40001", "40P01", "55P03", "40XL1", "40XL2");

  private static final Set<String> RACE_EXCEPTIONS =
      Set.of(
          "OptimisticLockException",
          "PessimisticLockException",
          "LockTimeoutException",
          "EntityExistsException");

  private ConcurrentUpdates() {}

  public static <T> T retrying(int attempts, Supplier<T> change) {
    for (int attempt = 1; ; attempt++) {
      try {
        return change.get();
      } catch (RuntimeException failure) {
        if (!isRace(failure)) {
          throw failure;
        }
        if (attempt >= attempts) {
          throw new ConcurrentUpdateException();
        }
        pause(attempt);
      }
    }
  }

  /** Whether anything in the cause chain says "another transaction got there first". */
  public static boolean isRace(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth++ < 20; t = cause(t)) {
      if (RACE_EXCEPTIONS.contains(t.getClass().getSimpleName())) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        if (RACE_STATES.contains(sql.getSQLState())) {
          return true;
        }
      }
    }
    return false;
  }

  /** EclipseLink keeps the SQL exception as its "internal exception", not always as the cause. */
  private static Throwable cause(Throwable t) {
    if (t.getCause() != null && t.getCause() != t) {
      return t.getCause();
    }
    try {
      Object internal = t.getClass().getMethod("getInternalException").invoke(t);
      return internal instanceof Throwable inner && inner != t ? inner : null;
    } catch (ReflectiveOperationException | RuntimeException none) {
      return null;
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt + 10));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new ConcurrentUpdateException();
    }
  }

  /** 409 with a retry hint: the same request is likely to succeed a moment later. */
  public static final class ConcurrentUpdateException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public ConcurrentUpdateException() {
      super(
          409,
          "CONCURRENT_UPDATE",
          "Concurrent update",
          "Another request changed the same data at the same time. Send the request again.");
    }

    @Override
    public java.util.OptionalLong retryAfterSeconds() {
      return java.util.OptionalLong.of(1);
    }
  }
}
