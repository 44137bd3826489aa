package io.claribi.catalog.control;

import io.claribi.catalog.api.VendorId;
import io.claribi.catalog.entity.CatalogTool;
import io.claribi.catalog.entity.Decision;
import io.claribi.catalog.entity.ShippedDecision;
import io.claribi.catalog.entity.ToolDecisionEntry;
import io.claribi.catalog.entity.VendorState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * The tools of each vendor, their decision history and the decisions shipped in the catalog file.
 * Names are bound as query parameters and compared by the database exactly.
 */
@ApplicationScoped
public class Tools {

  @PersistenceContext(unitName = "catalog")
  EntityManager em;

  public List<CatalogTool> of(VendorId vendor) {
    return em.createNamedQuery(CatalogTool.OF_VENDOR, CatalogTool.class)
        .setParameter("vendor", vendor.value())
        .getResultList();
  }

  public Optional<CatalogTool> find(VendorId vendor, String name) {
    if (name.indexOf('\u0000') >= 0) {
      return Optional.empty(); // never stored, and PostgreSQL refuses it as a parameter
    }
    return em.createNamedQuery(CatalogTool.BY_NAME, CatalogTool.class)
        .setParameter("vendor", vendor.value())
        .setParameter("key", CatalogTool.nameKey(name))
        .getResultStream()
        .filter(t -> t.name().equals(name)) // exact, whatever a database's collation may say
        .findFirst();
  }

  public List<CatalogTool> allowed(VendorId vendor) {
    return em.createNamedQuery(CatalogTool.ALLOWED, CatalogTool.class)
        .setParameter("vendor", vendor.value())
        .setParameter("decision", Decision.ALLOW)
        .getResultList();
  }

  /** The size of the review queue, counted by the database. */
  public long awaitingDecision() {
    return em.createNamedQuery(CatalogTool.AWAITING_DECISION, Long.class)
        .setParameter("active", VendorState.ACTIVE)
        .setParameter("allow", Decision.ALLOW)
        .getSingleResult();
  }

  public void add(CatalogTool tool) {
    em.persist(tool);
  }

  public void record(ToolDecisionEntry entry) {
    em.persist(entry);
  }

  /** Filtered exactly in Java too: Derby would also match the name with trailing blanks. */
  public List<ToolDecisionEntry> history(VendorId vendor, String name, int limit) {
    return em.createNamedQuery(ToolDecisionEntry.OF_TOOL, ToolDecisionEntry.class)
        .setParameter("vendor", vendor.value())
        .setParameter("name", name)
        .getResultStream()
        .filter(entry -> entry.toolName().equals(name))
        .limit(limit)
        .toList();
  }

  public List<ShippedDecision> shipped(VendorId vendor) {
    return em.createNamedQuery(ShippedDecision.OF_VENDOR, ShippedDecision.class)
        .setParameter("vendor", vendor.value())
        .getResultList();
  }

  /** Replaces the shipped decisions of a vendor with those of a newer catalog file. */
  public void replaceShipped(VendorId vendor, List<ShippedDecision> decisions) {
    shipped(vendor).forEach(em::remove);
    em.flush();
    decisions.forEach(em::persist);
  }
}
