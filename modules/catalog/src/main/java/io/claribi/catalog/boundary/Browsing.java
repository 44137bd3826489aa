package io.claribi.catalog.boundary;

import io.claribi.catalog.api.VendorId;
import io.claribi.catalog.control.Tools;
import io.claribi.catalog.control.Vendors;
import io.claribi.catalog.entity.CatalogVendor;
import io.claribi.platform.api.VerifiedCaller;
import io.claribi.tiering.api.Entitlements;
import io.claribi.tiering.api.Plan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** What every role may read: the active vendors and the tools of a vendor with their state. */
@ApplicationScoped
public class Browsing {

  @Inject Vendors vendors;
  @Inject Tools tools;
  @Inject Entitlements entitlements;
  @Inject VerifiedCaller caller;

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<VendorView> activeVendors() {
    Optional<Plan> plan = callersPlan();
    return vendors.active().stream()
        .map(VendorView::of)
        .map(v -> plan.map(v::forPlan).orElse(v))
        .toList();
  }

  /** Every vendor, retired ones included, for platform operators (the console's catalog page). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<VendorView> allVendors() {
    return vendors.all().stream().map(VendorView::of).toList();
  }

  /** An active vendor; a retired one only for those who may see retired vendors. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public VendorView vendor(VendorId id, boolean includeRetired) {
    return vendors
        .find(id)
        .filter(v -> includeRetired || v.isActive())
        .map(VendorView::of)
        .map(v -> callersPlan().map(v::forPlan).orElse(v))
        .orElseThrow(() -> Curation.notFound(id));
  }

  /** The plan of the caller's organization; a platform operator may have none. */
  private Optional<Plan> callersPlan() {
    return caller.organizationClaim().map(org -> entitlements.currentPlan());
  }

  /**
   * How many tools of active vendors need a decision (the console's review queue), in one count
   * query.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public long awaitingDecision() {
    return tools.awaitingDecision();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ToolView> tools(VendorId id, boolean includeRetired) {
    vendors
        .find(id)
        .filter(v -> includeRetired || v.isActive())
        .map(CatalogVendor::id)
        .orElseThrow(() -> Curation.notFound(id));
    return tools.of(id).stream().map(ToolView::of).toList();
  }
}
