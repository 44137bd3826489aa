package io.claribi.gateway.boundary;

import io.claribi.catalog.api.AllowedTool;
import io.claribi.catalog.api.Catalog;
import io.claribi.catalog.api.Vendor;
import io.claribi.catalog.api.VendorId;
import io.claribi.catalog.api.VendorKind;
import io.claribi.connections.api.ActiveConnections;
import io.claribi.connections.api.ConnectionSummary;
import io.claribi.gateway.control.routing.SourceKind;
import io.claribi.tiering.api.Entitlement;
import io.claribi.tiering.api.Entitlements;
import io.claribi.tiering.api.Plan;
import io.claribi.tiering.api.PlanUpgradeRequiredException;
import io.claribi.uploads.api.UploadSource;
import io.claribi.uploads.api.UploadSources;
import io.claribi.uploads.api.UploadTarget;
import io.claribi.uploads.api.UploadTools;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the organization's AI engine may call now: the allowed tools of its active connections whose
 * kind the plan includes, and its uploads' read tools. {@link ToolCalls} calls them.
 */
@ApplicationScoped
public class ToolListing {

  @Inject ActiveConnections connections;
  @Inject Catalog catalog;
  @Inject Entitlements entitlements;
  @Inject UploadSources uploads;

  /** A tool an integrator may call now, through one of its organization's connections. */
  public record CallableTool(
      SourceKind source,
      String sourceId,
      String vendor,
      String name,
      String title,
      String description,
      String inputSchema) {

    /** Whether this is a tool of an uploaded file ({@code sourceId} is then the upload's id). */
    public boolean upload() {
      return source == SourceKind.UPLOAD;
    }
  }

  /** An active MCP connection whose vendor's resources an operator enabled. */
  public record ResourceSource(String connectionId, String vendor) {}

  /**
   * The active MCP connections whose vendors have resources enabled (decision 0047); none when the
   * plan has no MCP catalog, whose feature vendor resources are.
   */
  @Transactional
  public List<ResourceSource> resourceSources() {
    if (!entitlements.currentPlan().includes(Entitlement.MCP_CATALOG)) {
      return List.of();
    }
    List<ResourceSource> sources = new ArrayList<>();
    for (ConnectionSummary connection : connections.active()) {
      Optional<Vendor> vendor = catalog.vendor(new VendorId(connection.vendor()));
      if (vendor.isPresent()
          && vendor.get().kind() == VendorKind.MCP
          && vendor.get().resourcesEnabled()) {
        sources.add(new ResourceSource(connection.id().toString(), connection.vendor()));
      }
    }
    return sources;
  }

  /** The allowed tools of every active connection whose kind the plan includes. */
  @Transactional
  public List<CallableTool> callableTools() {
    Plan plan = entitlements.currentPlan();
    if (!plan.includes(Entitlement.MCP_CATALOG) && !plan.includes(Entitlement.NATIVE_CONNECTORS)) {
      throw new PlanUpgradeRequiredException(Entitlement.MCP_CATALOG, plan);
    }
    List<CallableTool> tools = new ArrayList<>();
    if (plan.includes(Entitlement.FILE_UPLOADS)) {
      for (UploadSource upload : uploads.all()) {
        String id = upload.id().toString();
        tools.add(
            new CallableTool(
                SourceKind.UPLOAD,
                id,
                UploadTarget.VENDOR,
                UploadTools.DESCRIBE,
                upload.name(),
                UploadTools.DESCRIBE_DESCRIPTION,
                UploadTools.describeInputSchema()));
        tools.add(
            new CallableTool(
                SourceKind.UPLOAD,
                id,
                UploadTarget.VENDOR,
                UploadTools.QUERY,
                upload.name(),
                UploadTools.QUERY_DESCRIPTION,
                UploadTools.queryInputSchema()));
      }
    }
    for (ConnectionSummary connection : connections.active()) {
      Optional<Vendor> vendor = catalog.vendor(new VendorId(connection.vendor()));
      if (vendor.isEmpty() || !plan.includes(vendor.get().kind().entitlement())) {
        continue;
      }
      for (AllowedTool tool : catalog.allowedTools(vendor.get().id())) {
        tools.add(
            new CallableTool(
                vendor.get().kind() == VendorKind.MCP
                    ? SourceKind.MCP_CONNECTION
                    : SourceKind.NATIVE_CONNECTOR,
                connection.id().toString(),
                tool.vendor().value(),
                tool.name(),
                tool.title(),
                tool.description(),
                tool.inputSchema()));
      }
    }
    return tools;
  }
}
