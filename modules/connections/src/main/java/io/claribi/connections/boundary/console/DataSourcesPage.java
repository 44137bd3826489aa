package io.claribi.connections.boundary.console;

import io.claribi.catalog.api.Availability;
import io.claribi.catalog.api.Catalog;
import io.claribi.catalog.api.VendorKind;
import io.claribi.connections.boundary.Connecting;
import io.claribi.connections.boundary.ConnectionReads;
import io.claribi.connections.boundary.ConnectionView;
import io.claribi.connections.boundary.Disconnecting;
import io.claribi.connections.control.ConnectSettings;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.ProblemException;
import io.claribi.platform.api.Roles;
import io.claribi.platform.api.VerifiedCaller;
import io.claribi.platform.api.console.ConsoleText;
import io.claribi.platform.api.console.Notice;
import io.claribi.tiering.api.Entitlements;
import io.claribi.tiering.api.Plan;
import io.claribi.uploads.api.UploadId;
import io.claribi.uploads.api.UploadRow;
import io.claribi.uploads.api.UploadedFiles;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The console's "Data sources" page: the catalog's vendors grouped by kind with the organization's
 * state for each, and its uploaded files. Connecting, disconnecting and removing go through the
 * same facades as {@code /api/v1/connections} and {@code /api/v1/uploads}, so every rule (plan,
 * return address, tenancy, audit) is theirs; the organization is the signed-in user's, from their
 * identity. A connection id in the vendor's return address only names a connection the organization
 * has.
 */
@Named
@ViewScoped
public class DataSourcesPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** This page, relative to the application; the vendor sends the browser back here. */
  static final String PAGE = "/console/data-sources.xhtml";

  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

  @Inject Catalog catalog;
  @Inject Entitlements entitlements;
  @Inject ConnectionReads reads;
  @Inject Connecting connecting;
  @Inject Disconnecting disconnecting;
  @Inject UploadedFiles uploading;
  @Inject ConnectSettings settings;
  @Inject VerifiedCaller caller;

  private String plan;
  private List<VendorRow> vendors = List.of();
  private List<UploadRow> uploads = List.of();
  private final Notice notice = new Notice();

  /** What the next press of the confirm button deletes: a connection or an upload id. */
  private String confirmingConnection;

  private String confirmingUpload;

  /** The "Add an upload" form: the file (only for the request that posts it) and its domains. */
  private transient Part file;

  private String domains;

  /** Every visit (f:viewAction, not on postbacks): the lists, and the vendor's answer if any. */
  public void load() {
    refresh();
    var parameters = external().getRequestParameterMap();
    String connection = parameters.get("connection");
    if (connection != null) {
      notice.set(
          Returned.message(connection, parameters.get("result"), parameters.get("code"), this));
    }
  }

  private void refresh() {
    Plan current = entitlements.currentPlan();
    List<ConnectionView> connections = reads.all();
    plan = ConsoleText.title(current);
    vendors =
        catalog.activeVendors().stream()
            .map(v -> VendorRow.of(v, Availability.of(v.kind(), current), connections))
            .toList();
    uploads = uploading.rows();
  }

  /** Starts a connect and sends the browser to the vendor's consent screen. */
  public void connect(String vendor) throws IOException {
    if (!mayManage()) {
      return;
    }
    try {
      Connecting.Started started =
          connecting.begin(
              vendor, settings.onThisProduct(external().getRequestContextPath() + PAGE).toString());
      external().redirect(started.authorizationUrl().toString());
    } catch (ProblemException refused) {
      notice.alert("Could not start connecting " + vendor + ": " + refused.detail());
      refresh();
    }
  }

  /** First step of a disconnect: the page asks for confirmation. */
  public void askToDisconnect(String connection) {
    notice.clear();
    confirmingUpload = null;
    confirmingConnection = connection;
  }

  public void confirmDisconnect() {
    String id = confirmingConnection;
    confirmingConnection = null;
    if (id == null || !mayManage()) {
      return;
    }
    Optional<String> vendor = vendorOf(id);
    try {
      disconnecting.disconnect(ConnectionId.parse(id));
      notice.status("Disconnected " + vendor.orElse("the connection") + ".");
    } catch (ProblemException gone) {
      notice.alert("Connection not found: it may have been disconnected already.");
    }
    refresh();
  }

  public void askToRemove(String upload) {
    notice.clear();
    confirmingConnection = null;
    confirmingUpload = upload;
  }

  public void confirmRemove() {
    String id = confirmingUpload;
    confirmingUpload = null;
    if (id == null || !mayManage()) {
      return;
    }
    String name = nameOf(id);
    try {
      uploading.delete(UploadId.parse(id));
      notice.status("Removed " + name + ".");
    } catch (ProblemException gone) {
      notice.alert("Upload not found: it may have been removed already.");
    }
    refresh();
  }

  /** Adds the chosen file through the facade of {@code POST /api/v1/uploads}. */
  public void addUpload() {
    confirmingConnection = null;
    confirmingUpload = null;
    if (!mayManage()) {
      return;
    }
    notice.set(uploading.add(file, domains));
    if (!notice.isAlert()) {
      domains = null;
    }
    file = null;
    refresh();
  }

  public void cancel() {
    notice.clear();
    confirmingConnection = null;
    confirmingUpload = null;
  }

  /** Connecting and removing are for org admins, as on the REST API. */
  private boolean mayManage() {
    if (caller.isInRole(Roles.ORG_ADMIN)) {
      return true;
    }
    notice.alert("Only an organization admin may connect, add or remove data sources.");
    return false;
  }

  /** The display name of the vendor of one of the organization's connections. */
  Optional<String> vendorOf(String connection) {
    try {
      String vendor = reads.one(ConnectionId.parse(connection)).vendor();
      return Optional.of(
          vendors.stream()
              .filter(v -> v.getId().equals(vendor))
              .map(VendorRow::getDisplayName)
              .findFirst()
              .orElse(vendor));
    } catch (ProblemException | IllegalArgumentException notOurs) {
      return Optional.empty();
    }
  }

  private String nameOf(String upload) {
    return uploads.stream()
        .filter(u -> u.getId().equals(upload))
        .map(UploadRow::getName)
        .findFirst()
        .orElse("the upload");
  }

  static boolean isCode(String code) {
    return code != null && CODE.matcher(code).matches();
  }

  private static ExternalContext external() {
    return FacesContext.getCurrentInstance().getExternalContext();
  }

  public String getPlan() {
    return plan;
  }

  public List<VendorRow> getMcpVendors() {
    return vendors.stream().filter(v -> v.getKind() == VendorKind.MCP).toList();
  }

  public List<VendorRow> getNativeConnectors() {
    return vendors.stream().filter(v -> v.getKind() == VendorKind.NATIVE_OAUTH).toList();
  }

  public List<UploadRow> getUploads() {
    return uploads;
  }

  public Notice getNotice() {
    return notice;
  }

  /** The connection whose disconnect waits for confirmation, or null. */
  public String getConfirmingConnection() {
    return confirmingConnection;
  }

  public String getConfirmingUpload() {
    return confirmingUpload;
  }

  public Part getFile() {
    return file;
  }

  public void setFile(Part file) {
    this.file = file;
  }

  public String getDomains() {
    return domains;
  }

  public void setDomains(String domains) {
    this.domains = domains;
  }

  public String getConfirmingUploadName() {
    return confirmingUpload == null ? "" : nameOf(confirmingUpload);
  }
}
