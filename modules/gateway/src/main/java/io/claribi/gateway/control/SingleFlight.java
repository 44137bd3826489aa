package io.claribi.gateway.control;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Runs one piece of work per key at a time and hands its outcome to everyone who asked for the same
 * key meanwhile. Many calls that find a vendor's tool list too old at once list it once, not once
 * each (issue 17: 80 calls to one vendor made 56 listings at once).
 */
public final class SingleFlight<K, V> {

  private final ConcurrentMap<K, CompletableFuture<V>> inFlight = new ConcurrentHashMap<>();

  /** The work's outcome: this caller's own run, or the run already under way for the key. */
  public V run(K key, Supplier<V> work) {
    CompletableFuture<V> mine = new CompletableFuture<>();
    CompletableFuture<V> running = inFlight.putIfAbsent(key, mine);
    if (running != null) {
      return outcome(running);
    }
    try {
      V value = work.get();
      mine.complete(value);
      return value;
    } catch (RuntimeException failed) {
      mine.completeExceptionally(failed);
      throw failed;
    } finally {
      inFlight.remove(key, mine);
    }
  }

  private static <V> V outcome(CompletableFuture<V> running) {
    try {
      return running.join();
    } catch (CompletionException failed) {
      if (failed.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw failed;
    }
  }
}
