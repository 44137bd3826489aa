package io.claribi.catalog.boundary;

import io.claribi.catalog.api.VendorCurated;
import io.claribi.catalog.api.VendorId;
import io.claribi.catalog.api.VendorRetired;
import io.claribi.catalog.control.OutboundRules;
import io.claribi.catalog.control.Tools;
import io.claribi.catalog.control.Vendors;
import io.claribi.catalog.entity.CatalogTool;
import io.claribi.catalog.entity.CatalogVendor;
import io.claribi.catalog.entity.Decision;
import io.claribi.catalog.entity.ToolDecisionEntry;
import io.claribi.catalog.entity.VendorChange;
import io.claribi.catalog.entity.VendorChangeKind;
import io.claribi.catalog.entity.VendorSource;
import io.claribi.catalog.entity.VendorSpec;
import io.claribi.platform.api.AuditEvent;
import io.claribi.platform.api.AuditEventType;
import io.claribi.platform.api.ProblemException;
import io.claribi.platform.api.VerifiedCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What platform operators change: vendors and tool decisions. Each change keeps who (the token's
 * subject), when and why in the catalog's history, and is audited in the operator's own
 * organization's trail (the operators' trail) and in the trails of the organizations actively
 * connected to the vendor, in the same transaction.
 */
@ApplicationScoped
public class Curation {

  /**
   * Attempts of a change that lost a race with another transaction (ConcurrentUpdates): a change is
   * appended to every connected organization's trail and can meet the usage relay at a chain head.
   * Callers retry outside the change's transaction.
   */
  public static final int RACE_ATTEMPTS = 3;

  static final int HISTORY_LIMIT = 500;

  @Inject Vendors vendors;
  @Inject Tools tools;
  @Inject OutboundRules outbound;
  @Inject VerifiedCaller caller;
  @Inject Clock clock;
  @Inject Event<VendorRetired> retired;
  @Inject Event<VendorCurated> curated;

  @Transactional
  public VendorView create(VendorId id, VendorSpec spec, String reason) {
    if (VendorId.RESERVED.contains(id.value())) {
      throw ProblemException.badRequest(
          "VENDOR_ID_RESERVED", "'" + id + "' is reserved and cannot be a vendor id.");
    }
    requireSafe(spec);
    if (vendors.find(id).isPresent()) {
      throw new ProblemException(
          409, "VENDOR_EXISTS", "Vendor exists", "Vendor " + id + " is already in the catalog.");
    }
    CatalogVendor vendor = vendors.add(new CatalogVendor(id, spec, change(reason)));
    recordChange(vendor, VendorChangeKind.CREATED, reason);
    return VendorView.of(vendor);
  }

  @Transactional
  public VendorView edit(VendorId id, VendorSpec spec, String reason) {
    requireSafe(spec);
    CatalogVendor vendor = vendors.lock(id).orElseThrow(() -> notFound(id));
    if (!vendor.isActive()) {
      throw new ProblemException(
          409, "VENDOR_RETIRED", "Vendor retired", "Vendor " + id + " was retired.");
    }
    vendor.apply(spec, change(reason));
    recordChange(vendor, VendorChangeKind.EDITED, reason);
    return VendorView.of(vendor);
  }

  /**
   * Retires a vendor and, through {@link VendorRetired} observed in this same transaction, ends
   * every organization's connections to it. Retiring a retired vendor changes nothing.
   */
  @Transactional
  public void retire(VendorId id, String reason) {
    CatalogVendor vendor = vendors.lock(id).orElseThrow(() -> notFound(id));
    if (!vendor.isActive()) {
      return;
    }
    vendor.retire(change(reason));
    recordChange(vendor, VendorChangeKind.RETIRED, reason);
    retired.fire(new VendorRetired(id, reason));
  }

  /**
   * Records an operator's decision on the tool's current fingerprint.
   *
   * @param reviewed the fingerprint the operator reviewed, if given: it must still be current
   */
  @Transactional
  public ToolView decide(
      VendorId id, String toolName, Decision decision, String reason, Optional<String> reviewed) {
    vendors.lock(id).filter(CatalogVendor::isActive).orElseThrow(() -> notFound(id));
    CatalogTool tool =
        tools
            .find(id, toolName)
            .orElseThrow(() -> ProblemException.notFound("Tool of vendor " + id));
    if (reviewed.isPresent() && !reviewed.get().equals(tool.fingerprint())) {
      throw new ProblemException(
          409,
          "TOOL_CHANGED",
          "Tool changed",
          "The tool changed since it was reviewed: its fingerprint is now " + tool.fingerprint());
    }
    Instant now = clock.instant();
    tool.decide(decision, tool.fingerprint(), VendorSource.OPERATOR, caller.actor(), now, reason);
    tools.record(ToolDecisionEntry.of(tool));
    audited(
        id,
        AuditEvent.forVendor(
            AuditEventType.TOOL_DECISION_CHANGED,
            id.value(),
            Map.of("tool", toolName, "decision", decision.name(), "reason", reason)));
    return ToolView.of(tool);
  }

  @Transactional
  public List<DecisionView> decisions(VendorId id, String toolName) {
    vendors.find(id).orElseThrow(() -> notFound(id));
    if (tools.find(id, toolName).isEmpty()) {
      throw ProblemException.notFound("Tool of vendor " + id);
    }
    return tools.history(id, toolName, HISTORY_LIMIT).stream().map(DecisionView::of).toList();
  }

  @Transactional
  public List<VendorChangeView> changes(VendorId id) {
    vendors.find(id).orElseThrow(() -> notFound(id));
    return vendors.history(id, HISTORY_LIMIT).stream().map(VendorChangeView::of).toList();
  }

  private CatalogVendor.Change change(String reason) {
    return new CatalogVendor.Change(
        VendorSource.OPERATOR, null, caller.actor(), clock.instant(), reason);
  }

  private void recordChange(CatalogVendor vendor, VendorChangeKind kind, String reason) {
    vendors.record(
        new VendorChange(
            vendor.id(),
            kind,
            vendor.changedBy(),
            vendor.changedAt(),
            reason,
            vendor.spec().toJson().toString()));
    audited(
        vendor.id(),
        AuditEvent.forVendor(
            AuditEventType.CATALOG_VENDOR_CHANGED,
            vendor.id().value(),
            Map.of("change", kind.name(), "reason", reason)));
  }

  /**
   * In the operator's own organization's trail (the operators' trail) and in the trail of every
   * organization actively connected to the vendor, all written by the observer of {@link
   * VendorCurated} in one order: appending to the operators' trail here first would take its chain
   * head out of that order, and deadlock with a usage relay holding the heads in order.
   */
  private void audited(VendorId vendor, AuditEvent event) {
    curated.fire(new VendorCurated(vendor, event));
  }

  static ProblemException notFound(VendorId id) {
    return ProblemException.notFound("Vendor " + id);
  }

  private void requireSafe(VendorSpec spec) {
    outbound.requireSafe(spec.serverUrl());
    if (spec.authorizationServer() != null) {
      outbound.requireSafe(spec.authorizationServer());
    }
  }
}
