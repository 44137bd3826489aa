package io.claribi.app.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failed sign-ins per key (a user name, or a client address), in memory on this node: at most
 * {@code maxFailures} in any {@code window}; once a key has that many, every attempt with it is
 * refused until the oldest of them is {@code window} old. An attempt counts as a failure from the
 * moment it is admitted until it is known to have succeeded.
 *
 * <p>Memory is bounded: at most {@code maxKeys} keys are tracked, each with at most {@code
 * maxFailures} instants. When a new key finds the table full, keys whose failures have all left the
 * window go first, and if none has, the key used least recently: an attacker who sprays that many
 * names or addresses can make this node forget a lock early, but never grow the table.
 */
final class SignInAttempts {

  private final int maxFailures;
  private final Duration window;
  private final int maxKeys;
  private final Clock clock;

  /** Access order: the eldest entry is the key used least recently. */
  private final LinkedHashMap<String, Failures> keys = new LinkedHashMap<>(64, 0.75f, true);

  SignInAttempts(int maxFailures, Duration window, int maxKeys, Clock clock) {
    if (maxFailures < 1 || window.isNegative() || window.isZero() || maxKeys < 1) {
      throw new IllegalArgumentException(
          "sign-in throttling needs at least one failure, a positive window and one key");
    }
    this.maxFailures = maxFailures;
    this.window = window;
    this.maxKeys = maxKeys;
    this.clock = clock;
  }

  /**
   * An attempt with this key: refused (until when, and whether this is the first refusal of this
   * lock) if the key has its limit of failures in the window; otherwise counted as a failure at
   * once, before the password is checked, so that attempts arriving together cannot all pass the
   * check before any of them has failed. A success or an unchecked attempt takes it back ({@link
   * #succeeded}, {@link #forgive}).
   */
  synchronized Optional<Lock> attempt(String key) {
    Instant now = clock.instant();
    Failures failures = keys.get(key);
    if (failures == null) {
      makeRoom(now);
      failures = new Failures();
      keys.put(key, failures);
    }
    failures.forgetBefore(now.minus(window));
    if (failures.instants.size() >= maxFailures) {
      Instant until = failures.instants.peekFirst().plus(window);
      boolean first = !until.equals(failures.reportedUntil);
      failures.reportedUntil = until;
      return Optional.of(new Lock(until, first));
    }
    failures.instants.addLast(now);
    return Optional.empty();
  }

  /** The key's failures in the window now, attempts under way included. */
  synchronized int failures(String key) {
    Failures failures = keys.get(key);
    if (failures == null) {
      return 0;
    }
    failures.forgetBefore(clock.instant().minus(window));
    return failures.instants.size();
  }

  /** Takes back one attempt that turned out not to be a failure. */
  synchronized void forgive(String key) {
    Failures failures = keys.get(key);
    if (failures == null) {
      return;
    }
    failures.instants.pollLast();
    if (failures.instants.isEmpty()) {
      keys.remove(key);
    }
  }

  synchronized void succeeded(String key) {
    keys.remove(key);
  }

  synchronized int size() {
    return keys.size();
  }

  int maxFailures() {
    return maxFailures;
  }

  private void makeRoom(Instant now) {
    if (keys.size() < maxKeys) {
      return;
    }
    Instant oldest = now.minus(window);
    for (Iterator<Map.Entry<String, Failures>> it = keys.entrySet().iterator(); it.hasNext(); ) {
      Failures failures = it.next().getValue();
      failures.forgetBefore(oldest);
      if (failures.instants.isEmpty()) {
        it.remove();
      }
    }
    if (keys.size() >= maxKeys) {
      Iterator<String> eldest = keys.keySet().iterator();
      eldest.next();
      eldest.remove();
    }
  }

  /** A key's refusal: until when, and whether it was reported already. */
  record Lock(Instant until, boolean first) {}

  private static final class Failures {
    final Deque<Instant> instants = new ArrayDeque<>();
    Instant reportedUntil;

    void forgetBefore(Instant oldest) {
      while (!instants.isEmpty() && !instants.peekFirst().isAfter(oldest)) {
        instants.removeFirst();
      }
    }
  }
}
