package io.claribi.catalog.control;

import io.claribi.catalog.api.VendorId;
import io.claribi.catalog.entity.CatalogVendor;
import io.claribi.catalog.entity.VendorChange;
import io.claribi.catalog.entity.VendorState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** The catalog's vendors and their change history. Global: no organization is bound. */
@ApplicationScoped
public class Vendors {

  @PersistenceContext(unitName = "catalog")
  EntityManager em;

  public Optional<CatalogVendor> find(VendorId id) {
    return Optional.ofNullable(em.find(CatalogVendor.class, id.value()));
  }

  /** The vendor, its row locked until the transaction ends (for changes and discovery). */
  public Optional<CatalogVendor> lock(VendorId id) {
    return Optional.ofNullable(
        em.find(CatalogVendor.class, id.value(), LockModeType.PESSIMISTIC_WRITE));
  }

  public List<CatalogVendor> active() {
    return em.createNamedQuery(CatalogVendor.BY_STATE, CatalogVendor.class)
        .setParameter("state", VendorState.ACTIVE)
        .getResultList();
  }

  public List<CatalogVendor> all() {
    return em.createNamedQuery(CatalogVendor.ALL, CatalogVendor.class).getResultList();
  }

  /** Stores a new vendor now, so a concurrent add of the same id fails here. */
  public CatalogVendor add(CatalogVendor vendor) {
    em.persist(vendor);
    em.flush();
    return vendor;
  }

  public void record(VendorChange change) {
    em.persist(change);
  }

  public List<VendorChange> history(VendorId id, int limit) {
    return em.createNamedQuery(VendorChange.OF_VENDOR, VendorChange.class)
        .setParameter("vendor", id.value())
        .setMaxResults(limit)
        .getResultList();
  }
}
