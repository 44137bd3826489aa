package io.claribi.connections.entity.violations;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Deliberate violation for AppendOnlyAuditTest: another context maps the audit table, with a setter
 * that rewrites the actor of a stored event.
 */
@Entity
@Table(name = "audit_events")
public class AuditRowWithSetter {

  @Id private String id;

  private String actor;

  public void setActor(String actor) {
    this.actor = actor;
  }

  public String id() {
    return id;
  }
}
