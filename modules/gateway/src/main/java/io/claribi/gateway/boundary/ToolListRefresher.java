package io.claribi.gateway.boundary;

import io.claribi.catalog.api.Catalog;
import io.claribi.catalog.api.VendorId;
import io.claribi.connections.api.ActiveConnections;
import io.claribi.gateway.control.GatewaySettings;
import io.claribi.gateway.control.ToolListFreshness;
import io.claribi.platform.api.ProblemException;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lists each MCP vendor's tools again once three quarters of {@code
 * claribi.gateway.tool-list-max-age} have passed, through some organization's active connection, so
 * that tool calls rarely find the list past the bound and pay for a re-list themselves. Runs on
 * every node; a claim on the vendor's tool-list row lets one node at a time do a vendor, and a
 * re-list that races another (or a call's) is harmless: the catalog keeps the list requested last.
 */
@ApplicationScoped
public class ToolListRefresher {

  private static final Logger LOG = Logger.getLogger(ToolListRefresher.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject GatewaySettings settings;
  @Inject Catalog catalog;
  @Inject CatalogDiscovery discovery;
  @Inject ActiveConnections connections;
  @Inject Clock clock;

  private ScheduledFuture<?> refreshing;

  void start(@Observes Startup startup) {
    if (!settings.toolListRefresherEnabled()) {
      LOG.info("The background tool-list refresher is off; tool calls re-list past the bound");
      return;
    }
    long every = settings.toolListFreshness().refreshEvery().toMillis();
    refreshing =
        scheduler.scheduleWithFixedDelay(this::refreshQuietly, every, every, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (refreshing != null) {
      refreshing.cancel(false);
    }
  }

  /**
   * One pass: every due vendor this node could claim is listed again; how many were. Runs outside
   * any request, in a request context of its own without a caller, so it may act as the system.
   */
  @ActivateRequestContext
  public int refresh() {
    ToolListFreshness freshness = settings.toolListFreshness();
    // The claim outlives one listing (its time-out, and the token refresh before it).
    Duration claim = settings.callTimeout().multipliedBy(2).plus(settings.connectTimeout());
    int listed = 0;
    for (VendorId vendor :
        catalog.mcpVendorsListedBefore(freshness.refreshDueBefore(clock.instant()))) {
      // A vendor nobody is connected to has no calls to protect: skip it without writing a claim.
      if (connections.anyOrganizationsActiveAt(vendor.value(), 1).isEmpty()
          || !catalog.claimToolListRefresh(vendor, claim)) {
        continue;
      }
      try {
        discovery.asSystem(vendor);
        listed++;
      } catch (ProblemException failed) {
        LOG.info(() -> "Re-listing the tools of " + vendor + " failed: " + failed.code());
      }
    }
    return listed;
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Re-listing vendors' tools failed; the next pass tries again", e);
    }
  }
}
