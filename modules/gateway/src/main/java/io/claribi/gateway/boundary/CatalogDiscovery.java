package io.claribi.gateway.boundary;

import io.claribi.catalog.api.DiscoveryOutcome;
import io.claribi.catalog.api.VendorId;
import io.claribi.connections.api.ActiveConnections;
import io.claribi.connections.api.OrganizationConnection;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.OrganizationId;
import io.claribi.platform.api.ProblemException;
import io.claribi.platform.api.TenantBinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Lists a vendor's tools for the catalog when no caller's own connection is at hand: through some
 * organization's active connection to the vendor, bound to that organization for the exchange only
 * (docs/decisions/0032). A {@code tools/list} reads tool metadata, the same for every tenant of a
 * vendor; nothing of the organization (its id, its data) reaches the operator, only the counts of
 * what changed in the catalog. A connection-level refusal (needs re-authorisation, disconnected
 * meanwhile, credential refused by the vendor) moves on to the next organization; a vendor failure
 * ends the attempt.
 */
@ApplicationScoped
public class CatalogDiscovery {

  private static final Logger LOG = Logger.getLogger(CatalogDiscovery.class.getName());

  /** Connections tried before giving up: a few, so that one stale grant does not block it. */
  static final int CANDIDATES = 3;

  @Inject DiscoveryTargets targets;
  @Inject ActiveConnections connections;
  @Inject ToolDiscovery discovery;
  @Inject TenantBinding tenancy;

  /**
   * For a platform operator: through the operator's own organization's connection if it has one,
   * else through another organization's, bound with the operator binding (role checked again).
   */
  public DiscoveryOutcome asOperator(VendorId vendor) {
    Optional<ConnectionId> own = targets.ownConnectionTo(vendor);
    if (own.isPresent()) {
      return discovery.discover(own.get());
    }
    return borrowed(vendor, organization -> tenancy.actAsOperatorFor(organization));
  }

  /** For the background refresher, which no caller started (named in SystemBindingTest). */
  public DiscoveryOutcome asSystem(VendorId vendor) {
    return borrowed(vendor, organization -> tenancy.actAsSystemFor(organization));
  }

  private DiscoveryOutcome borrowed(
      VendorId vendor, Function<OrganizationId, TenantBinding.OperatorScope> bind) {
    List<OrganizationConnection> candidates =
        connections.anyOrganizationsActiveAt(vendor.value(), CANDIDATES);
    if (candidates.isEmpty()) {
      throw new ProblemException(
          409,
          "NO_CONNECTION_FOR_DISCOVERY",
          "No connection to discover through",
          "No organization has an active connection to "
              + vendor
              + ", so its tools cannot be listed now (and none of its tools can be called).");
    }
    ProblemException last = null;
    for (OrganizationConnection candidate : candidates) {
      try (TenantBinding.OperatorScope scope = bind.apply(candidate.organization())) {
        return discovery.discover(candidate.connection());
      } catch (ProblemException failed) {
        LOG.info(
            () ->
                "Listing the tools of "
                    + vendor
                    + " through connection "
                    + candidate.connection()
                    + " failed: "
                    + failed.code());
        if (!ofTheConnection(failed)) {
          // The vendor failed, not the connection: another one would fare no better. Its problem
          // names the vendor only, never the connection.
          throw failed;
        }
        last = failed;
      }
    }
    // A connection's own refusal names the connection: the operator gets the code only.
    throw new ProblemException(
        last.status(),
        last.code(),
        last.title(),
        "Listing the tools of "
            + vendor
            + " through another organization's active connection failed ("
            + last.code()
            + "); nothing was recorded.");
  }

  /**
   * A refusal of this connection (its state, its grant, its credential at the vendor) rather than a
   * failure of the vendor.
   */
  static boolean ofTheConnection(ProblemException failed) {
    return failed.status() < 500 || "VENDOR_AUTHORIZATION_FAILED".equals(failed.code());
  }
}
