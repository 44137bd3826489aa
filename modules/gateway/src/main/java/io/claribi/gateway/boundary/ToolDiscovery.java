package io.claribi.gateway.boundary;

import io.claribi.catalog.api.Catalog;
import io.claribi.catalog.api.DiscoveredTool;
import io.claribi.catalog.api.DiscoveryOutcome;
import io.claribi.catalog.api.Vendor;
import io.claribi.catalog.api.VendorId;
import io.claribi.catalog.api.VendorKind;
import io.claribi.connections.api.ConnectionActivated;
import io.claribi.connections.api.ConnectionExchange;
import io.claribi.gateway.control.mcpclient.VendorSessions;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Lists a vendor's tools (every page) through one of the caller's connections and records them in
 * the catalog, where new ones start denied and changed ones are blocked again. Runs when a
 * connection is established, when an operator asks for a refresh, when a call finds the list older
 * than its bound, and from the background refresher; like a tool call, inside the connection's call
 * fence, with the token refreshed first when it is about to expire.
 */
@ApplicationScoped
public class ToolDiscovery {

  private static final Logger LOG = Logger.getLogger(ToolDiscovery.class.getName());

  @Inject DiscoveryTargets targets;
  @Inject Catalog catalog;
  @Inject ConnectionExchange exchanges;
  @Inject VendorSessions vendors;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "claribi.catalog.max-tools-per-vendor", defaultValue = "2000")
  int maxTools;

  /**
   * Discovers through this connection of the organization bound now (the caller's, or the one an
   * operator or the refresher borrows it from). A failure is noted on the vendor's tool list and
   * thrown.
   */
  /** A new connection's vendor tools are listed for the operator at once. */
  void activated(@Observes ConnectionActivated event) {
    discover(event.connection());
  }

  public DiscoveryOutcome discover(ConnectionId connection) {
    Vendor vendor = targets.vendorOf(connection);
    if (vendor.kind() == VendorKind.NATIVE_OAUTH) {
      return catalog.recordDiscovery(vendor.id(), vendors.nativeTools(vendor.id().value()));
    }
    Instant requestedAt = clock.instant();
    try {
      List<DiscoveredTool> tools =
          exchanges.send(
              connection,
              credential ->
                  vendors.listTools(
                      connection, vendor.serverUrl(), vendor.id().value(), credential, maxTools));
      return catalog.recordDiscovery(vendor.id(), tools, requestedAt);
    } catch (RuntimeException failed) {
      noteFailure(vendor.id(), failed);
      throw failed;
    }
  }

  private void noteFailure(VendorId vendor, RuntimeException failed) {
    String code = failed instanceof ProblemException problem ? problem.code() : "INTERNAL_ERROR";
    try {
      catalog.recordToolListFailure(vendor, code);
    } catch (RuntimeException unrecorded) {
      LOG.log(Level.WARNING, "Cannot note the failed tool listing of " + vendor, unrecorded);
    }
  }
}
