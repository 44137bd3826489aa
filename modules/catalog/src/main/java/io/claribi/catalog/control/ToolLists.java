package io.claribi.catalog.control;

import io.claribi.catalog.api.VendorId;
import io.claribi.catalog.entity.VendorToolList;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * When each vendor's tool list was last verified. Writers lock the vendor's row first ({@link
 * Vendors#lock}), so the row here is created and changed by one transaction at a time.
 */
@ApplicationScoped
public class ToolLists {

  @PersistenceContext(unitName = "catalog")
  EntityManager em;

  public Optional<VendorToolList> find(VendorId vendor) {
    return Optional.ofNullable(em.find(VendorToolList.class, vendor.value()));
  }

  /** The vendor's row, created on first use; call with the vendor's row locked. */
  public VendorToolList of(VendorId vendor) {
    return find(vendor)
        .orElseGet(
            () -> {
              VendorToolList created = new VendorToolList(vendor);
              em.persist(created);
              return created;
            });
  }
}
