package io.claribi.connections.boundary.console;

import io.claribi.catalog.api.Availability;
import io.claribi.catalog.api.Catalog;
import io.claribi.catalog.api.VendorKind;
import io.claribi.connections.boundary.Connecting;
import io.claribi.connections.boundary.ConnectionReads;
import io.claribi.connections.boundary.ConnectionView;
import io.claribi.connections.boundary.Disconnecting;
import io.claribi.connections.control.ConnectSettings;
import io.claribi.connections.entity.ConnectionName;
import io.claribi.connections.entity.ConnectionNames;
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

  /** The vendor whose row asks for the name of a further connection, the name, what is wrong. */
  private String addingTo;

  private String newName;
  private String nameProblem;

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

  /**
   * Connects a vendor that has no connection yet; the connection gets the vendor's name. If one
   * appeared meanwhile (another admin, another tab), nothing starts: the page asks for a name.
   */
  public void connect(String vendor) throws IOException {
    clearForms();
    if (!mayManage()) {
      return;
    }
    if (reads.all().stream().anyMatch(c -> c.vendor().equals(vendor))) {
      refresh();
      askForName(vendor);
      nameProblem =
          displayNameOf(vendor)
              + " already has a connection. To add another, give it a name of its own.";
      return;
    }
    start(vendor, null);
  }

  /** "Add another connection": the row asks for the new connection's name. */
  public void askForName(String vendor) {
    clearForms();
    addingTo = vendor;
  }

  /** Starts a further, named connection of the vendor whose row asked for a name. */
  public void connectAnother() throws IOException {
    String vendor = addingTo;
    notice.clear();
    if (vendor == null || !mayManage()) {
      return;
    }
    try {
      ConnectionName name = ConnectionName.parse(newName);
      if (ConnectionNames.isTaken(name, namesOf(vendor))) {
        nameProblem =
            "Another connection to "
                + displayNameOf(vendor)
                + " is already called \u201c"
                + name
                + "\u201d. Choose another name.";
        return;
      }
      start(vendor, name.value());
    } catch (IllegalArgumentException invalid) {
      nameProblem = invalid.getMessage();
    }
  }

  private void start(String vendor, String name) throws IOException {
    try {
      Connecting.Started started =
          connecting.begin(
              vendor,
              name,
              settings.onThisProduct(external().getRequestContextPath() + PAGE).toString());
      external().redirect(started.authorizationUrl().toString());
    } catch (ProblemException refused) {
      if (refused.code().startsWith("CONNECTION_NAME_")) {
        nameProblem = refused.detail(); // another admin took the name meanwhile
      } else {
        notice.alert(
            "Could not start connecting " + displayNameOf(vendor) + ": " + refused.detail());
      }
      refresh();
    }
  }

  private List<String> namesOf(String vendor) {
    return vendors.stream()
        .filter(v -> v.getId().equals(vendor))
        .findFirst()
        .map(VendorRow::getConnectionNames)
        .orElse(List.of());
  }

  private String displayNameOf(String vendor) {
    return vendors.stream()
        .filter(v -> v.getId().equals(vendor))
        .map(VendorRow::getDisplayName)
        .findFirst()
        .orElse(vendor);
  }

  private void clearForms() {
    notice.clear();
    confirmingConnection = null;
    confirmingUpload = null;
    addingTo = null;
    newName = null;
    nameProblem = null;
  }

  /** First step of a disconnect: the page asks for confirmation. */
  public void askToDisconnect(String connection) {
    clearForms();
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
    clearForms();
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
    clearForms();
  }

  /** Connecting and removing are for org admins, as on the REST API. */
  private boolean mayManage() {
    if (caller.isInRole(Roles.ORG_ADMIN)) {
      return true;
    }
    notice.alert("Only an organization admin may connect, add or remove data sources.");
    return false;
  }

  /**
   * What one of the organization's connections is called: its display name, or its vendor's for a
   * connection older than names; empty for an id the organization does not have.
   */
  Optional<String> vendorOf(String connection) {
    try {
      ConnectionView found = reads.one(ConnectionId.parse(connection));
      return Optional.of(
          found.displayName() != null ? found.displayName() : displayNameOf(found.vendor()));
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

  /** The vendor whose row shows the "Add another connection" form, or null. */
  public String getAddingTo() {
    return addingTo;
  }

  public String getNewName() {
    return newName;
  }

  public void setNewName(String newName) {
    this.newName = newName;
  }

  /** Why the name given for a further connection was refused, or null. */
  public String getNameProblem() {
    return nameProblem;
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
