package io.claribi.gateway.control.allowlist;

import io.claribi.catalog.api.Catalog;
import io.claribi.catalog.api.ToolDecision;
import io.claribi.catalog.api.Vendor;
import io.claribi.platform.api.ConnectionId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The allowlist decision, and the only maker of {@link ToolPermit} and {@link ResourcePermit}. It
 * asks the catalog about exactly this vendor and this tool name, as they are (no case folding,
 * trimming or normalisation), then checks the arguments against the schema that was approved.
 * Vendor annotations play no part.
 */
@ApplicationScoped
public class Allowlist {

  @Inject Catalog catalog;
  @Inject ArgumentSchemas schemas;

  public Permission<ToolPermit> permitTool(
      ConnectionId connection, Vendor vendor, String toolName, String argumentsJson) {
    ToolDecision decision = catalog.decide(vendor.id(), toolName);
    if (decision instanceof ToolDecision.Refused refused) {
      return Permission.refused(
          Refusal.of(refused.reason(), describe(refused.reason()) + " at " + vendor.id()));
    }
    var allowed = ((ToolDecision.Allowed) decision).tool();
    ArgumentSchemas.Checked checked =
        schemas.check(allowed.fingerprint(), allowed.inputSchema(), argumentsJson);
    if (!checked.valid()) {
      return Permission.refused(new Refusal(Refusal.ARGUMENTS, checked.problem()));
    }
    return Permission.granted(
        new ToolPermit(
            connection,
            vendor.id(),
            vendor.kind(),
            vendor.serverUrl(),
            allowed.name(),
            checked.arguments().orElseThrow(),
            allowed.fingerprint()));
  }

  /** Listing ({@code uri} null) or reading one resource, if the operator enabled resources. */
  public Permission<ResourcePermit> permitResources(
      ConnectionId connection, Vendor vendor, String uri) {
    if (!vendor.resourcesEnabled()) {
      return Permission.refused(
          new Refusal(
              "RESOURCES_DISABLED",
              "an operator has not enabled MCP resources for " + vendor.id()));
    }
    return Permission.granted(new ResourcePermit(connection, vendor.id(), vendor.serverUrl(), uri));
  }

  private static String describe(ToolDecision.RefusalReason reason) {
    return switch (reason) {
      case VENDOR_UNKNOWN -> "the vendor is not in the catalog";
      case UNKNOWN_TOOL -> "no tool of exactly this name is known";
      case PENDING_REVIEW -> "the tool awaits an operator's review";
      case DENIED -> "an operator denied the tool";
      case CHANGED_SINCE_APPROVAL -> "the tool changed since it was approved";
      case NO_LONGER_LISTED -> "the vendor no longer lists the tool";
    };
  }

  /** A permit, or the refusal that stands in its place. */
  public record Permission<P>(P permit, Refusal refusal) {

    static <P> Permission<P> granted(P permit) {
      return new Permission<>(permit, null);
    }

    static <P> Permission<P> refused(Refusal refusal) {
      return new Permission<>(null, refusal);
    }

    public boolean granted() {
      return permit != null;
    }
  }
}
