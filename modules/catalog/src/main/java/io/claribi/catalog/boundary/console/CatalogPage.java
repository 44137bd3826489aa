package io.claribi.catalog.boundary.console;

import io.claribi.catalog.api.VendorId;
import io.claribi.catalog.boundary.Browsing;
import io.claribi.catalog.boundary.Curation;
import io.claribi.catalog.boundary.ToolView;
import io.claribi.catalog.boundary.VendorView;
import io.claribi.platform.api.ProblemException;
import io.claribi.platform.api.VerifiedCaller;
import io.claribi.platform.api.console.Notice;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * The console's "Catalog" page, for platform operators: every vendor (retired ones marked) with
 * what it asks for and its tools counted by state, and for the vendor named by {@code ?vendor=} its
 * tools with their decision history. Catalog data is global, so a vendor id in the address names no
 * tenant's data; it is read through the same facades as {@code /api/v1/catalog/vendors}.
 */
@Named
@ViewScoped
public class CatalogPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Browsing browsing;
  @Inject Curation curation;
  @Inject VerifiedCaller caller;

  private List<VendorSummary> vendors = List.of();
  private VendorSummary selected;
  private List<ToolRow> tools = List.of();
  private final Notice notice = new Notice();

  /** Every visit (f:viewAction): the vendors, and the one selected by the address if any. */
  public void load() throws IOException {
    if (OperatorPages.refusedUnlessOperator(caller)) {
      return;
    }
    vendors =
        browsing.allVendors().stream()
            .map(v -> VendorSummary.of(v, browsing.tools(new VendorId(v.id()), true)))
            .toList();
    String vendor =
        FacesContext.getCurrentInstance()
            .getExternalContext()
            .getRequestParameterMap()
            .get("vendor");
    if (vendor != null) {
      select(vendor);
    }
  }

  private void select(String vendor) {
    try {
      VendorId id = VendorId.parse(vendor);
      VendorView view = browsing.vendor(id, true);
      List<ToolView> listed = browsing.tools(id, true);
      selected = VendorSummary.of(view, listed);
      tools = listed.stream().map(t -> ToolRow.of(t, curation.decisions(id, t.name()))).toList();
    } catch (ProblemException notFound) {
      notice.alert("Vendor not found.");
    }
  }

  public List<VendorSummary> getVendors() {
    return vendors;
  }

  /** The vendor named by the address, or null. */
  public VendorSummary getSelected() {
    return selected;
  }

  public List<ToolRow> getTools() {
    return tools;
  }

  public Notice getNotice() {
    return notice;
  }
}
