package io.claribi.gateway.boundary;

import io.claribi.catalog.api.Catalog;
import io.claribi.catalog.api.Vendor;
import io.claribi.catalog.api.VendorId;
import io.claribi.catalog.api.VendorKind;
import io.claribi.connections.api.ActiveConnections;
import io.claribi.connections.api.ConnectionProblems;
import io.claribi.connections.api.ConnectionSummary;
import io.claribi.connections.api.VendorEntitlement;
import io.claribi.gateway.api.ToolNotAllowedException;
import io.claribi.gateway.control.GatewaySettings;
import io.claribi.gateway.control.allowlist.Allowlist;
import io.claribi.gateway.control.allowlist.Decision;
import io.claribi.gateway.control.allowlist.ResourcePermit;
import io.claribi.gateway.control.allowlist.ToolPermit;
import io.claribi.platform.api.ProblemException;
import io.claribi.platform.api.TenantBinding;
import io.claribi.tiering.api.Entitlement;
import io.claribi.tiering.api.Entitlements;
import io.claribi.tiering.api.Plan;
import io.claribi.tiering.api.PlanUpgradeRequiredException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * Every check before anything may leave for a vendor, in one short transaction and in this order:
 * the plan, the connection (the caller's and active), the age of the vendor's verified tool list
 * (too old: list again first, then admit anew), the allowlist for exactly this vendor and tool
 * name, the arguments, and (for tool calls) the month's quota. A refusal is recorded in the audit
 * trail and returned, not thrown, so that the record commits; the gateway throws it afterwards.
 */
@ApplicationScoped
public class GatewayAdmission {

  @Inject Entitlements entitlements;
  @Inject ActiveConnections connections;
  @Inject Catalog catalog;
  @Inject Allowlist allowlist;
  @Inject BlockedCalls blocked;
  @Inject GatewaySettings settings;
  @Inject TenantBinding tenancy;
  @Inject Clock clock;

  /**
   * @param relistIfStale whether a vendor tool list older than the bound sends the caller to list
   *     it again first (false right after the caller did)
   */
  @Transactional
  public Decision<ToolPermit> admitTool(
      CallTarget target,
      String tool,
      String argumentsJson,
      boolean relistIfStale,
      CallTicket ticket) {
    Reached reached = reach(target);
    ConnectionSummary connection = reached.connection();
    Vendor vendor = reached.vendor();
    if (relistIfStale && toolListTooOld(vendor)) {
      // The slot first: calls waiting for a re-listing count against the bulkheads like any other.
      ticket.takeSlot(tenancy.organization(), vendor.id().value());
      return new Decision.RelistFirst<>(connection.id());
    }
    Decision<ToolPermit> decision =
        allowlist.permitTool(connection.id(), vendor, tool, argumentsJson);
    if (decision instanceof Decision.Refused<ToolPermit> refused) {
      blocked.record(
          connection.id().toString(), vendor.id().value(), tool, refused.refusal().reason());
    } else {
      // The bulkhead here, and the quota after this transaction (ToolCalls): a call refused for
      // the calls under way is not counted, and no meter row is locked while this one runs.
      ticket.takeSlot(tenancy.organization(), vendor.id().value());
      ticket.admittedOn(reached.plan());
    }
    return decision;
  }

  /** The connection a call goes through and its vendor, both usable on the caller's plan. */
  private record Reached(ConnectionSummary connection, Vendor vendor, Plan plan) {}

  private Reached reach(CallTarget target) {
    Plan plan = entitlements.currentPlan();
    requireAnyDataSourceFeature(plan);
    requireFeatureForNamedVendor(plan, target);
    ConnectionSummary connection = resolve(target);
    Vendor vendor = vendorOf(connection);
    requireFeatureFor(plan, vendor);
    return new Reached(connection, vendor, plan);
  }

  /** Native connectors' tools are code: only an MCP vendor's list can change behind our back. */
  private boolean toolListTooOld(Vendor vendor) {
    return vendor.kind() == VendorKind.MCP
        && settings
            .toolListFreshness()
            .mustRelist(catalog.toolListVerifiedAt(vendor.id()), clock.instant());
  }

  @Transactional
  public Decision<ResourcePermit> admitResources(CallTarget target, String uri, CallTicket ticket) {
    Reached reached = reach(target);
    Decision<ResourcePermit> decision =
        allowlist.permitResources(reached.connection().id(), reached.vendor(), uri);
    if (!(decision instanceof Decision.Refused<ResourcePermit>)) {
      ticket.takeSlot(tenancy.organization(), reached.vendor().id().value());
    }
    return decision;
  }

  private ConnectionSummary resolve(CallTarget target) {
    if (target.connection().isPresent()) {
      ConnectionSummary connection =
          connections
              .find(target.connection().get())
              .orElseThrow(
                  () -> ProblemException.notFound("Connection " + target.connection().get()));
      requireActive(connection);
      return connection;
    }
    VendorId vendor = target.vendor().orElseThrow();
    List<ConnectionSummary> active = connections.activeAt(vendor.value());
    if (active.isEmpty()) {
      throw ProblemException.notFound("An active connection to " + vendor);
    }
    if (active.size() > 1) {
      throw new ProblemException(
          409,
          "CONNECTION_AMBIGUOUS",
          "Several connections",
          "The organization has "
              + active.size()
              + " active connections to "
              + vendor
              + "; name one with connectionId.");
    }
    return active.get(0);
  }

  private static void requireActive(ConnectionSummary connection) {
    if (!connection.isActive()) {
      throw ConnectionProblems.notActive(connection.id(), connection.state());
    }
  }

  private Vendor vendorOf(ConnectionSummary connection) {
    return catalog
        .vendor(new VendorId(connection.vendor()))
        .orElseThrow(
            () ->
                new ToolNotAllowedException(
                    "The vendor of connection "
                        + connection.id()
                        + " is no longer in the catalog; nothing was sent."));
  }

  private static void requireAnyDataSourceFeature(Plan plan) {
    if (!plan.includes(Entitlement.MCP_CATALOG) && !plan.includes(Entitlement.NATIVE_CONNECTORS)) {
      throw new PlanUpgradeRequiredException(Entitlement.MCP_CATALOG, plan);
    }
  }

  /** A vendor named by id is checked against the plan before its connections are looked up. */
  private void requireFeatureForNamedVendor(Plan plan, CallTarget target) {
    target.vendor().flatMap(catalog::vendor).ifPresent(vendor -> requireFeatureFor(plan, vendor));
  }

  static void requireFeatureFor(Plan plan, Vendor vendor) {
    VendorEntitlement.require(plan, vendor);
  }
}
