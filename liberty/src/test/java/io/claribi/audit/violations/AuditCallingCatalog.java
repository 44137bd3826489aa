package io.claribi.audit.violations;

import io.claribi.catalog.violations.CatalogCallingAudit;

/** Deliberate violation for ContextBoundariesTest: audit calls catalog, which calls audit. */
public class AuditCallingCatalog {

  public String recordLookup(CatalogCallingAudit catalog) {
    return catalog.vendorName();
  }
}
