package io.claribi.connections.boundary;

import io.claribi.connections.control.ConnectSettings;
import io.claribi.connections.control.CrossTenantConnections;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes connects that nobody finished: once an attempt has expired, its PKCE verifier and its
 * PENDING connection serve nothing, so they are not kept. Runs on every node; the attempt's row
 * lock makes two sweeps, or a sweep and a late callback, agree.
 */
@ApplicationScoped
public class AbandonedConnects {

  private static final Logger LOG = Logger.getLogger(AbandonedConnects.class.getName());
  private static final int BATCH = 500;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject CrossTenantConnections crossTenant;
  @Inject ConnectTransactions records;
  @Inject ConnectSettings settings;
  @Inject Clock clock;

  private ScheduledFuture<?> sweeping;

  void start(@Observes Startup startup) {
    long every = settings.attemptSweep().toMillis();
    sweeping =
        scheduler.scheduleWithFixedDelay(this::sweepQuietly, every, every, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (sweeping != null) {
      sweeping.cancel(false);
    }
  }

  /**
   * One pass over the expired attempts; how many connects it deleted. Runs outside any request, in
   * a request context of its own that has no caller, so it may act as the system.
   */
  @ActivateRequestContext
  public int sweep() {
    int deleted = 0;
    for (CrossTenantConnections.Attempt expired :
        crossTenant.expiredAttempts(clock.instant(), BATCH)) {
      if (records.abandonExpired(expired)) {
        deleted++;
      }
    }
    return deleted;
  }

  private void sweepQuietly() {
    try {
      int deleted = sweep();
      if (deleted > 0) {
        LOG.info(() -> "Deleted " + deleted + " expired connects and their PENDING connections");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Sweeping expired connects failed; the next pass tries again", e);
    }
  }
}
