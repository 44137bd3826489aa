package io.claribi.catalog.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What other contexts (the tool gateway) ask the catalog. Every answer is read from the database at
 * the time of the question: nothing that decides access is cached past a commit.
 */
public interface Catalog {

  /** An active (not retired) vendor. */
  Optional<Vendor> vendor(VendorId id);

  /** Every active vendor, as an organization's admins may see and connect them. */
  List<Vendor> activeVendors();

  /**
   * The allowlist decision for exactly this vendor and tool name: the name is compared as it is,
   * code unit by code unit. Annotations never enter into it.
   */
  ToolDecision decide(VendorId vendor, String toolName);

  /** The tools of this vendor that are allowed now, by name. */
  List<AllowedTool> allowedTools(VendorId vendor);

  /**
   * Records what the vendor's {@code tools/list} returned (all pages): new tools start denied, a
   * changed fingerprint blocks an allowed tool until it is re-approved, missing tools are marked
   * unlisted.
   */
  DiscoveryOutcome recordDiscovery(VendorId vendor, List<DiscoveredTool> tools);

  /**
   * As {@link #recordDiscovery(VendorId, List)}, for a list whose first page was requested at
   * {@code requestedAt}: that instant becomes the list's verification time. A list requested before
   * one already recorded is older news and changes nothing (two re-lists racing cannot bring back a
   * definition the vendor has since replaced).
   */
  DiscoveryOutcome recordDiscovery(
      VendorId vendor, List<DiscoveredTool> tools, Instant requestedAt);

  /** When the vendor's tool list was last verified (requested whole and recorded); empty: never. */
  Optional<Instant> toolListVerifiedAt(VendorId vendor);

  /** A re-list of the vendor's tools failed with this problem code (shown to operators). */
  void recordToolListFailure(VendorId vendor, String code);

  /** Active MCP vendors whose tool list was last verified before {@code before}, or never. */
  List<VendorId> mcpVendorsListedBefore(Instant before);

  /**
   * Claims the background re-list of this vendor for {@code lease}, so that one node at a time does
   * it; false if another holds the claim.
   */
  boolean claimToolListRefresh(VendorId vendor, Duration lease);

  /** clariBI's registration with the authorization server of this issuer, if it has one. */
  Optional<RegisteredClient> registeredClient(String issuer);

  /**
   * Keeps a registration made during a connect. When another connect registered with the same
   * issuer a moment earlier, that registration stays and is returned.
   */
  RegisteredClient keepRegistration(RegisteredClient client);
}
