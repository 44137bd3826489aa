package io.claribi.audit.violations;

import io.claribi.tiering.control.Organizations;

/** Deliberate violation for ContextBoundariesTest: audit uses tiering's control package. */
public class AuditReadingTieringInternals {

  public boolean knows(Organizations organizations) {
    return organizations.current().isPresent();
  }
}
