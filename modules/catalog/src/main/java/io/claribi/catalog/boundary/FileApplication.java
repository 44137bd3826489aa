package io.claribi.catalog.boundary;

import io.claribi.catalog.api.RegisteredClient;
import io.claribi.catalog.control.CatalogFile;
import io.claribi.catalog.control.CatalogFileLoads;
import io.claribi.catalog.control.OAuthClients;
import io.claribi.catalog.control.OutboundRules;
import io.claribi.catalog.control.Tools;
import io.claribi.catalog.control.Vendors;
import io.claribi.catalog.entity.CatalogFileLoad;
import io.claribi.catalog.entity.CatalogTool;
import io.claribi.catalog.entity.CatalogVendor;
import io.claribi.catalog.entity.OAuthClient;
import io.claribi.catalog.entity.ShippedDecision;
import io.claribi.catalog.entity.ToolDecisionEntry;
import io.claribi.catalog.entity.VendorChange;
import io.claribi.catalog.entity.VendorChangeKind;
import io.claribi.catalog.entity.VendorSource;
import io.claribi.platform.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Applies one catalog file in one transaction. Vendors the file brings are added or updated, except
 * those an operator changed since (source OPERATOR): they are left as the operator made them, and
 * the skip is logged and kept in the vendor's history. Its shipped tool decisions replace the
 * previous file's and apply to already discovered tools where no operator has decided.
 */
@ApplicationScoped
public class FileApplication {

  static final String ACTOR = "catalog-file";

  private static final Logger LOG = Logger.getLogger(FileApplication.class.getName());

  @Inject Vendors vendors;
  @Inject Tools tools;
  @Inject CatalogFileLoads loads;
  @Inject OAuthClients oauthClients;
  @Inject OutboundRules outbound;
  @Inject Clock clock;

  @Transactional
  public Optional<Integer> newestVersion() {
    return loads.newest();
  }

  /**
   * @return what it did, for the log
   */
  @Transactional
  public String apply(CatalogFile file) {
    Optional<Integer> newest = loads.newest();
    if (newest.isPresent() && newest.get() >= file.version()) {
      return "Catalog file v"
          + file.version()
          + " is already applied (database has v"
          + newest.get()
          + ").";
    }
    Instant now = clock.instant();
    CatalogFileLoad load = loads.claim(new CatalogFileLoad(file.version(), now, "applying"));
    List<String> loaded = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (CatalogFile.Entry entry : file.vendors()) {
      if (applyVendor(file.version(), entry, now)) {
        loaded.add(entry.id().value());
      } else {
        skipped.add(entry.id().value());
      }
    }
    for (RegisteredClient client : file.clients()) {
      oauthClients
          .of(client.issuer())
          .ifPresentOrElse(
              known -> known.replaceWith(client, ACTOR, now),
              () -> oauthClients.add(new OAuthClient(client, ACTOR, now)));
    }
    String summary =
        "Catalog file v"
            + file.version()
            + " applied: loaded "
            + loaded
            + ", skipped "
            + skipped
            + ", pre-registered clients for "
            + file.clients().size()
            + " authorization servers";
    load.summarise(summary);
    return summary;
  }

  private boolean applyVendor(int version, CatalogFile.Entry entry, Instant now) {
    String why = "catalog file v" + version;
    try {
      outbound.requireWellFormed(entry.spec().serverUrl());
      if (entry.spec().authorizationServer() != null) {
        outbound.requireWellFormed(entry.spec().authorizationServer());
      }
    } catch (ProblemException refused) {
      LOG.severe(() -> "Catalog file vendor " + entry.id() + " not loaded: " + refused.detail());
      return false;
    }
    CatalogVendor.Change change =
        new CatalogVendor.Change(VendorSource.CATALOG_FILE, version, ACTOR, now, why);
    Optional<CatalogVendor> existing = vendors.lock(entry.id());
    CatalogVendor vendor;
    VendorChangeKind kind;
    if (existing.isEmpty()) {
      vendor = vendors.add(new CatalogVendor(entry.id(), entry.spec(), change));
      kind = VendorChangeKind.FILE_LOADED;
    } else if (existing.get().source() == VendorSource.OPERATOR) {
      vendor = existing.get();
      kind = VendorChangeKind.FILE_SKIPPED;
      LOG.warning(
          () ->
              "Catalog file v"
                  + version
                  + " left vendor "
                  + entry.id()
                  + " as an operator last changed it ("
                  + vendor.changedBy()
                  + ", "
                  + vendor.changedAt()
                  + ").");
    } else {
      vendor = existing.get();
      vendor.apply(entry.spec(), change);
      kind = VendorChangeKind.FILE_LOADED;
    }
    String reason =
        kind == VendorChangeKind.FILE_SKIPPED
            ? why + " not applied: an operator changed this vendor"
            : why;
    vendors.record(
        new VendorChange(entry.id(), kind, ACTOR, now, reason, entry.spec().toJson().toString()));
    replaceShipped(version, entry, now);
    return kind == VendorChangeKind.FILE_LOADED;
  }

  private void replaceShipped(int version, CatalogFile.Entry entry, Instant now) {
    List<ShippedDecision> shipped =
        entry.tools().stream()
            .map(
                t ->
                    new ShippedDecision(
                        entry.id(), t.name(), t.decision(), t.fingerprint(), t.reason(), version))
            .toList();
    tools.replaceShipped(entry.id(), shipped);
    for (CatalogTool tool : tools.of(entry.id())) {
      shipped.stream()
          .filter(s -> s.toolName().equals(tool.name()))
          .findFirst()
          .filter(s -> s.appliesTo(tool))
          .ifPresent(
              s -> {
                s.applyTo(tool, now);
                tools.record(ToolDecisionEntry.of(tool));
              });
    }
  }
}
