package io.claribi.audit.control.violations;

import io.claribi.audit.entity.RecordedEvent;
import io.claribi.platform.api.TenantBinding;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Deliberate violation for AppendOnlyAuditTest: audit code that removes and rewrites events. */
public class EventEraser {

  @PersistenceContext(unitName = "audit")
  EntityManager em;

  TenantBinding tenancy;

  public void forget(RecordedEvent event) {
    tenancy.bind(em).remove(event);
  }

  public int rewriteActors() {
    return tenancy
        .bind(em)
        .createQuery("UPDATE RecordedEvent e SET e.actor = 'nobody'")
        .executeUpdate();
  }
}
