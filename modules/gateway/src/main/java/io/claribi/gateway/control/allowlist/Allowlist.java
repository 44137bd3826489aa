package io.claribi.gateway.control.allowlist;

import io.claribi.catalog.api.Catalog;
import io.claribi.catalog.api.ToolDecision;
import io.claribi.catalog.api.Vendor;
import io.claribi.gateway.api.ArgumentInvalidException;
import io.claribi.gateway.api.ToolNotAllowedException;
import io.claribi.platform.api.AuditText;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.ProblemException;
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

  /**
   * A refusal answers 403 {@code TOOL_NOT_ALLOWED} (400 {@code ARGUMENT_INVALID} for arguments the
   * approved schema refuses), naming the tool as it was asked for, escaped.
   */
  public Decision<ToolPermit> permitTool(
      ConnectionId connection, Vendor vendor, String toolName, String argumentsJson) {
    ToolDecision decision = catalog.decide(vendor.id(), toolName);
    if (decision instanceof ToolDecision.Refused refused) {
      return refusedTool(
          toolName,
          Refusal.of(refused.reason(), describe(refused.reason()) + " at " + vendor.id()));
    }
    var allowed = ((ToolDecision.Allowed) decision).tool();
    ArgumentSchemas.Checked checked =
        schemas.check(allowed.fingerprint(), allowed.inputSchema(), argumentsJson);
    if (!checked.valid()) {
      return refusedTool(toolName, new Refusal(Refusal.ARGUMENTS, checked.problem()));
    }
    return new Decision.Permitted<>(
        new ToolPermit(
            connection,
            vendor.id(),
            vendor.kind(),
            vendor.serverUrl(),
            allowed.name(),
            checked.arguments().orElseThrow(),
            allowed.fingerprint()),
        vendor.id().value());
  }

  private static <P> Decision<P> refusedTool(String toolName, Refusal refusal) {
    String detail = "'" + AuditText.visible(toolName) + "': " + refusal.detail();
    return new Decision.Refused<>(
        refusal,
        refusal.isArguments()
            ? new ArgumentInvalidException(detail)
            : new ToolNotAllowedException(detail + "; nothing was sent to the vendor."));
  }

  /** Listing ({@code uri} null) or reading one resource, if the operator enabled resources. */
  public Decision<ResourcePermit> permitResources(
      ConnectionId connection, Vendor vendor, String uri) {
    if (!vendor.resourcesEnabled()) {
      Refusal refusal =
          new Refusal(
              "RESOURCES_DISABLED", "an operator has not enabled MCP resources for " + vendor.id());
      return new Decision.Refused<>(
          refusal,
          new ProblemException(403, refusal.reason(), "Resources disabled", refusal.detail()));
    }
    return new Decision.Permitted<>(
        new ResourcePermit(connection, vendor.id(), vendor.serverUrl(), uri), vendor.id().value());
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
}
