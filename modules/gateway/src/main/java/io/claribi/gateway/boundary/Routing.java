package io.claribi.gateway.boundary;

import io.claribi.catalog.api.AllowedTool;
import io.claribi.catalog.api.Catalog;
import io.claribi.catalog.api.Vendor;
import io.claribi.catalog.api.VendorId;
import io.claribi.catalog.api.VendorKind;
import io.claribi.connections.api.ActiveConnections;
import io.claribi.connections.api.ConnectionSummary;
import io.claribi.gateway.control.routing.RouteCandidate;
import io.claribi.gateway.control.routing.SourceKind;
import io.claribi.gateway.control.routing.SourceRanking;
import io.claribi.tiering.api.Entitlement;
import io.claribi.tiering.api.Entitlements;
import io.claribi.tiering.api.Plan;
import io.claribi.uploads.api.UploadSource;
import io.claribi.uploads.api.UploadSources;
import io.claribi.uploads.api.UploadTarget;
import io.claribi.uploads.api.UploadTools;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of the caller's organization's data sources answers a question about some data domains.
 * Everything is read at the time of the question, in one transaction: a source disconnected a
 * moment ago is not a candidate any more.
 */
@ApplicationScoped
public class Routing {

  @Inject Entitlements entitlements;
  @Inject ActiveConnections connections;
  @Inject Catalog catalog;
  @Inject UploadSources uploads;

  /** The answer: the ranked sources (best first) and the domains asked for that none holds. */
  public record Route(
      List<String> domains,
      Optional<String> preferredVendor,
      List<SourceRanking.Ranked> ranked,
      Set<String> uncovered) {

    public Optional<SourceRanking.Ranked> best() {
      return ranked.stream().findFirst();
    }
  }

  @Transactional
  public Route route(List<String> domains, Optional<String> preferredVendor) {
    Set<String> asked = new LinkedHashSet<>(domains);
    List<SourceRanking.Ranked> ranked =
        SourceRanking.rank(candidates(entitlements.currentPlan()), asked, preferredVendor);
    Set<String> uncovered = new TreeSet<>(asked);
    ranked.stream().findFirst().ifPresent(best -> uncovered.removeAll(best.covered()));
    return new Route(List.copyOf(asked), preferredVendor, ranked, uncovered);
  }

  private List<RouteCandidate> candidates(Plan plan) {
    List<RouteCandidate> candidates = new ArrayList<>();
    for (ConnectionSummary connection : connections.active()) {
      Optional<Vendor> vendor = catalog.vendor(new VendorId(connection.vendor()));
      if (vendor.isEmpty() || !plan.includes(vendor.get().kind().entitlement())) {
        continue; // retired, or its kind is not in the plan (a downgrade keeps it, refused)
      }
      List<String> tools =
          catalog.allowedTools(vendor.get().id()).stream().map(AllowedTool::name).toList();
      if (tools.isEmpty()) {
        continue; // nothing it could be asked
      }
      candidates.add(
          new RouteCandidate(
              vendor.get().kind() == VendorKind.MCP
                  ? SourceKind.MCP_CONNECTION
                  : SourceKind.NATIVE_CONNECTOR,
              connection.id().toString(),
              vendor.get().id().value(),
              vendor.get().displayName(),
              Set.copyOf(vendor.get().dataDomains()),
              tools,
              connection.activatedAt()));
    }
    if (plan.includes(Entitlement.FILE_UPLOADS)) {
      for (UploadSource upload : uploads.all()) {
        candidates.add(
            new RouteCandidate(
                SourceKind.UPLOAD,
                upload.id().toString(),
                UploadTarget.VENDOR,
                upload.name(),
                Set.copyOf(upload.dataDomains()),
                List.of(UploadTools.DESCRIBE, UploadTools.QUERY),
                upload.uploadedAt()));
      }
    }
    return candidates;
  }
}
