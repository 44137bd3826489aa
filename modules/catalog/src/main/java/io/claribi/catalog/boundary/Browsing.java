package io.claribi.catalog.boundary;

import io.claribi.catalog.api.VendorId;
import io.claribi.catalog.control.Tools;
import io.claribi.catalog.control.Vendors;
import io.claribi.catalog.entity.CatalogVendor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** What every role may read: the active vendors and the tools of a vendor with their state. */
@ApplicationScoped
public class Browsing {

  @Inject Vendors vendors;
  @Inject Tools tools;

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<VendorView> activeVendors() {
    return vendors.active().stream().map(VendorView::of).toList();
  }

  /** An active vendor; a retired one only for those who may see retired vendors. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public VendorView vendor(VendorId id, boolean includeRetired) {
    return vendors
        .find(id)
        .filter(v -> includeRetired || v.isActive())
        .map(VendorView::of)
        .orElseThrow(() -> Curation.notFound(id));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ToolView> tools(VendorId id, boolean includeRetired) {
    vendors
        .find(id)
        .filter(v -> includeRetired || v.isActive())
        .map(CatalogVendor::id)
        .orElseThrow(() -> Curation.notFound(id));
    return tools.of(id).stream().map(ToolView::of).toList();
  }
}
