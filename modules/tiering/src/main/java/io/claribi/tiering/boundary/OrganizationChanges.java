package io.claribi.tiering.boundary;

import io.claribi.platform.api.ConcurrentUpdates.ConcurrentUpdateException;
import io.claribi.platform.api.OrganizationId;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Operators' changes to one organization made through this node run one after the other, queued
 * here before any database lock is taken. Embedded Derby (one node by construction) locks index
 * ranges for a {@code SELECT ... FOR UPDATE} of a row that does not exist yet, so twenty requests
 * creating one organization at once deadlock until its 20-second detection. Across nodes
 * (PostgreSQL) the row lock and {@link io.claribi.platform.api.ConcurrentUpdates} still decide.
 */
@ApplicationScoped
public class OrganizationChanges {

  /** Organizations share a lock only by hash; a wait behind another one's change is short. */
  private static final int STRIPES = 64;

  /** Longer than any one change takes; past it the caller gets 409 with a retry hint. */
  static final Duration WAIT = Duration.ofSeconds(10);

  private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

  public OrganizationChanges() {
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new ReentrantLock(true);
    }
  }

  /**
   * @throws ConcurrentUpdateException 409 {@code CONCURRENT_UPDATE} if the organization's earlier
   *     changes did not finish within {@link #WAIT}
   */
  public <T> T oneAtATime(OrganizationId organization, Supplier<T> change) {
    ReentrantLock lock = locks[Math.floorMod(organization.value().hashCode(), STRIPES)];
    try {
      if (!lock.tryLock(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new ConcurrentUpdateException();
      }
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
      throw new ConcurrentUpdateException();
    }
    try {
      return change.get();
    } finally {
      lock.unlock();
    }
  }
}
