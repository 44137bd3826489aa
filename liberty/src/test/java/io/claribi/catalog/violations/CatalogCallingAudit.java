package io.claribi.catalog.violations;

import io.claribi.audit.violations.AuditCallingCatalog;

/** Deliberate violation for ContextBoundariesTest: catalog calls audit, which calls catalog. */
public class CatalogCallingAudit {

  public String vendorName() {
    return "acme";
  }

  public void recordLookup(AuditCallingCatalog audit) {
    audit.recordLookup(this);
  }
}
