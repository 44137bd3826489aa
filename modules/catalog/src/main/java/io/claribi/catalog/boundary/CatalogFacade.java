package io.claribi.catalog.boundary;

import io.claribi.catalog.api.AllowedTool;
import io.claribi.catalog.api.Catalog;
import io.claribi.catalog.api.DiscoveredTool;
import io.claribi.catalog.api.DiscoveryOutcome;
import io.claribi.catalog.api.RegisteredClient;
import io.claribi.catalog.api.ToolDecision;
import io.claribi.catalog.api.ToolDecision.RefusalReason;
import io.claribi.catalog.api.Vendor;
import io.claribi.catalog.api.VendorId;
import io.claribi.catalog.api.VendorKind;
import io.claribi.catalog.control.CatalogConfig;
import io.claribi.catalog.control.OAuthClients;
import io.claribi.catalog.control.ToolListCheck;
import io.claribi.catalog.control.ToolLists;
import io.claribi.catalog.control.Tools;
import io.claribi.catalog.control.Vendors;
import io.claribi.catalog.entity.CatalogTool;
import io.claribi.catalog.entity.CatalogVendor;
import io.claribi.catalog.entity.OAuthClient;
import io.claribi.catalog.entity.ShippedDecision;
import io.claribi.catalog.entity.ToolDecisionEntry;
import io.claribi.catalog.entity.ToolState;
import io.claribi.catalog.entity.VendorToolList;
import io.claribi.platform.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalog as the tool gateway asks it: every answer is read from the database in the caller's
 * transaction (or one of its own), so a decision committed on any node counts at once.
 */
@ApplicationScoped
public class CatalogFacade implements Catalog {

  @Inject Vendors vendors;
  @Inject Tools tools;
  @Inject OAuthClients oauthClients;
  @Inject ToolLists toolLists;
  @Inject CatalogConfig config;
  @Inject Clock clock;

  @Override
  @Transactional
  public Optional<Vendor> vendor(VendorId id) {
    return vendors.find(id).filter(CatalogVendor::isActive).map(CatalogVendor::toVendor);
  }

  @Override
  @Transactional
  public List<Vendor> activeVendors() {
    return vendors.active().stream().map(CatalogVendor::toVendor).toList();
  }

  @Override
  @Transactional
  public ToolDecision decide(VendorId vendor, String toolName) {
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(toolName, "toolName");
    if (vendors.find(vendor).filter(CatalogVendor::isActive).isEmpty()) {
      return new ToolDecision.Refused(vendor, toolName, RefusalReason.VENDOR_UNKNOWN);
    }
    return tools
        .find(vendor, toolName)
        .map(CatalogFacade::decision)
        .orElseGet(() -> new ToolDecision.Refused(vendor, toolName, RefusalReason.UNKNOWN_TOOL));
  }

  static ToolDecision decision(CatalogTool tool) {
    ToolState state = tool.state();
    return state
        .refusal()
        .<ToolDecision>map(reason -> new ToolDecision.Refused(tool.vendor(), tool.name(), reason))
        .orElseGet(() -> new ToolDecision.Allowed(tool.toAllowedTool()));
  }

  @Override
  @Transactional
  public List<AllowedTool> allowedTools(VendorId vendor) {
    if (vendors.find(vendor).filter(CatalogVendor::isActive).isEmpty()) {
      return List.of();
    }
    return tools.allowed(vendor).stream()
        .filter(t -> t.state() == ToolState.ALLOWED)
        .map(CatalogTool::toAllowedTool)
        .toList();
  }

  @Override
  @Transactional
  public DiscoveryOutcome recordDiscovery(VendorId vendor, List<DiscoveredTool> listed) {
    return recordDiscovery(vendor, listed, clock.instant());
  }

  @Override
  @Transactional
  public DiscoveryOutcome recordDiscovery(
      VendorId vendor, List<DiscoveredTool> listed, Instant requestedAt) {
    Map<DiscoveredTool, String> checked =
        ToolListCheck.fingerprinted(listed, config.maxToolsPerVendor());
    vendors
        .lock(vendor) // one discovery or decision per vendor at a time
        .filter(CatalogVendor::isActive)
        .orElseThrow(() -> unknownVendor(vendor));
    if (!toolLists.of(vendor).verified(requestedAt)) {
      return new DiscoveryOutcome(checked.size(), 0, 0, 0); // a later list is recorded already
    }
    Instant now = clock.instant();
    Map<String, CatalogTool> known =
        tools.of(vendor).stream()
            .collect(
                Collectors.toMap(
                    CatalogTool::name, Function.identity(), (a, b) -> a, HashMap::new));
    Map<String, ShippedDecision> shipped =
        tools.shipped(vendor).stream()
            .collect(Collectors.toMap(ShippedDecision::toolName, Function.identity()));
    int added = 0;
    int changed = 0;
    for (Map.Entry<DiscoveredTool, String> entry : checked.entrySet()) {
      DiscoveredTool seen = entry.getKey();
      CatalogTool tool = known.remove(seen.name());
      if (tool == null) {
        tool = new CatalogTool(vendor, seen, entry.getValue(), now);
        tools.add(tool);
        added++;
      } else if (tool.relisted(seen, entry.getValue(), now)) {
        changed++;
      }
      applyShipped(shipped.get(seen.name()), tool, now);
    }
    int unlisted = 0;
    for (CatalogTool gone : known.values()) {
      if (gone.listed()) {
        gone.unlisted();
        unlisted++;
      }
    }
    return new DiscoveryOutcome(checked.size(), added, changed, unlisted);
  }

  @Override
  @Transactional
  public Optional<Instant> toolListVerifiedAt(VendorId vendor) {
    return toolLists.find(vendor).flatMap(VendorToolList::verifiedAt);
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void recordToolListFailure(VendorId vendor, String code) {
    if (vendors.lock(vendor).filter(CatalogVendor::isActive).isPresent()) {
      toolLists.of(vendor).failed(code, clock.instant());
    }
  }

  @Override
  @Transactional
  public List<VendorId> mcpVendorsListedBefore(Instant before) {
    return vendors.active().stream()
        .filter(v -> v.spec().kind() == VendorKind.MCP)
        .map(CatalogVendor::id)
        .filter(
            id ->
                toolLists
                    .find(id)
                    .flatMap(VendorToolList::verifiedAt)
                    .map(at -> at.isBefore(before))
                    .orElse(true))
        .toList();
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean claimToolListRefresh(VendorId vendor, Duration lease) {
    Instant now = clock.instant();
    return vendors.lock(vendor).filter(CatalogVendor::isActive).isPresent()
        && toolLists.of(vendor).claimRefresh(now, now.plus(lease));
  }

  @Override
  @Transactional
  public Optional<RegisteredClient> registeredClient(String issuer) {
    return oauthClients.of(issuer).map(OAuthClient::toClient);
  }

  /**
   * Keeps a registration made during a connect, unless one exists (then that one is returned). Two
   * connects racing to register with the same issuer: the second fails on the key and its admin
   * retries, finding the first's registration.
   */
  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public RegisteredClient keepRegistration(RegisteredClient client) {
    return oauthClients
        .of(client.issuer())
        .map(OAuthClient::toClient)
        .orElseGet(
            () -> oauthClients.add(new OAuthClient(client, "system", clock.instant())).toClient());
  }

  /** A decision reviewed before release applies where no operator decided (ADR 0016). */
  void applyShipped(ShippedDecision shipped, CatalogTool tool, Instant now) {
    if (shipped != null && shipped.appliesTo(tool)) {
      shipped.applyTo(tool, now);
      tools.record(ToolDecisionEntry.of(tool));
    }
  }

  static ProblemException unknownVendor(VendorId vendor) {
    return new ProblemException(
        404, "VENDOR_UNKNOWN", "Vendor unknown", "Vendor " + vendor + " is not in the catalog.");
  }
}
