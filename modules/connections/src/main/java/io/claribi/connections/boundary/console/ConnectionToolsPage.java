package io.claribi.connections.boundary.console;

import io.claribi.catalog.api.Availability;
import io.claribi.catalog.api.Catalog;
import io.claribi.catalog.api.KnownTool;
import io.claribi.catalog.api.Vendor;
import io.claribi.catalog.api.VendorId;
import io.claribi.catalog.api.VendorKind;
import io.claribi.catalog.api.VendorTools;
import io.claribi.connections.boundary.ConnectionReads;
import io.claribi.connections.boundary.ConnectionView;
import io.claribi.connections.boundary.ToolReviewRequestView;
import io.claribi.connections.boundary.ToolReviewRequesting;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.ProblemException;
import io.claribi.tiering.api.Entitlements;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The console's Tools page for one connection ({@code tools.xhtml?connection=…}): every tool the
 * catalog knows for the connection's vendor, allowed or blocked and why, as the gateway's allowlist
 * decides it now ({@link VendorTools}, the same decision as {@link Catalog#decide}). The connection
 * is looked up in the signed-in organization only: an id that is malformed, unknown or another
 * organization's shows the same "not found" and nothing else.
 */
@Named
@ViewScoped
public class ConnectionToolsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject ConnectionReads reads;
  @Inject Catalog catalog;
  @Inject VendorTools vendorTools;
  @Inject Entitlements entitlements;
  @Inject ToolReviewRequesting reviewRequesting;

  private boolean found;
  private String connectionId;
  private String connectionState;
  private String vendorId;
  private String vendorName;
  private List<String> readScopes = List.of();
  private boolean active;
  private boolean locked;
  private String lockedKind;
  private List<ToolRow> tools = List.of();
  private long waiting;
  private ToolReviewRequestView reviewRequest;
  private String reviewMessage;
  private String reviewNotice;
  private boolean reviewNoticeAlert;

  /**
   * Every visit (f:viewAction): the connection named in the address, if the organization has it.
   */
  public void load() {
    String id =
        FacesContext.getCurrentInstance()
            .getExternalContext()
            .getRequestParameterMap()
            .get("connection");
    Optional<ConnectionView> connection = ours(id);
    found = connection.isPresent();
    if (found) {
      show(connection.get());
    }
  }

  private Optional<ConnectionView> ours(String id) {
    try {
      return Optional.of(reads.one(ConnectionId.parse(id)));
    } catch (ProblemException notOurs) {
      return Optional.empty();
    }
  }

  private void show(ConnectionView connection) {
    ConnectionRow row = ConnectionRow.of(connection, connection.vendor());
    connectionId = row.getId();
    connectionState = row.getStateLabel();
    active = "ACTIVE".equals(connection.state());
    vendorId = connection.vendor();
    VendorId vendor = new VendorId(vendorId);
    Optional<Vendor> known = catalog.vendor(vendor);
    vendorName = known.map(Vendor::displayName).orElse(vendorId);
    readScopes = known.map(Vendor::readScopes).orElse(List.of());
    locked =
        known
            .map(
                v -> "LOCKED".equals(Availability.of(v.kind(), entitlements.currentPlan()).state()))
            .orElse(false);
    lockedKind =
        known.map(v -> v.kind() == VendorKind.MCP ? "MCP servers" : "native connectors").orElse("");
    List<KnownTool> vendorsTools = vendorTools.known(vendor);
    tools = vendorsTools.stream().map(ToolRow::of).toList();
    waiting = ToolReviewRequesting.waiting(vendorsTools);
    reviewRequest = reviewRequesting.ofVendor(vendorId, waiting).orElse(null);
  }

  /**
   * Asks the platform operators to review the vendor's tools that wait for a decision (decision
   * 60); the page then shows the request. A refusal (nothing waits any more, a message too long) is
   * said in words and changes nothing.
   */
  public void askForReview() {
    ConnectionId connection = ConnectionId.parse(connectionId);
    try {
      reviewRequest = reviewRequesting.request(connection, reviewMessage);
      waiting = reviewRequest.waitingTools();
      reviewMessage = null;
      reviewNotice =
          "Review asked for: platform operators see your request with each waiting tool in their"
              + " review queue.";
      reviewNoticeAlert = false;
    } catch (ProblemException refused) {
      reviewNotice = refused.detail();
      reviewNoticeAlert = true;
      ours(connectionId).ifPresent(this::show);
    }
  }

  /** How many tools wait for a platform operator's decision (new, or changed since allowed). */
  public long getWaitingCount() {
    return waiting;
  }

  /** {@code 3 tools wait for a platform operator's review; nobody can call them before it.} */
  public String getWaitingSummary() {
    if (waiting == 0) {
      return "No tool waits for a review: a platform operator has decided on each.";
    }
    return waiting
        + (waiting == 1 ? " tool waits" : " tools wait")
        + " for a platform operator's review; nobody can call "
        + (waiting == 1 ? "it" : "them")
        + " before it.";
  }

  /** The organization asked for a review that no decision has answered yet. */
  public boolean isReviewRequested() {
    return reviewRequest != null && reviewRequest.isOpen();
  }

  /** The organization's last request was answered: every tool it was about has a decision. */
  public boolean isReviewAnswered() {
    return reviewRequest != null && !reviewRequest.isOpen();
  }

  public String getReviewRequestedBy() {
    return reviewRequest == null ? "" : reviewRequest.requestedBy();
  }

  public Instant getReviewRequestedAt() {
    return reviewRequest == null ? null : reviewRequest.requestedAt();
  }

  public String getReviewRequestMessage() {
    return reviewRequest == null || reviewRequest.message() == null ? "" : reviewRequest.message();
  }

  public Instant getReviewAnsweredAt() {
    return reviewRequest == null ? null : reviewRequest.answeredAt();
  }

  public String getReviewAnsweredBy() {
    return reviewRequest == null || reviewRequest.answeredBy() == null
        ? ""
        : reviewRequest.answeredBy();
  }

  public String getReviewMessage() {
    return reviewMessage;
  }

  public void setReviewMessage(String reviewMessage) {
    this.reviewMessage = reviewMessage;
  }

  public String getReviewNotice() {
    return reviewNotice;
  }

  public boolean isReviewNoticeAlert() {
    return reviewNoticeAlert;
  }

  public boolean isFound() {
    return found;
  }

  public String getConnectionId() {
    return connectionId;
  }

  public String getConnectionState() {
    return connectionState;
  }

  public String getVendorId() {
    return vendorId;
  }

  public String getVendorName() {
    return vendorName;
  }

  public String getReadScopes() {
    return String.join(", ", readScopes);
  }

  /** Only an active connection on a plan that includes the vendor's kind reaches any tool. */
  public boolean isActive() {
    return active;
  }

  public boolean isLocked() {
    return locked;
  }

  /** The vendor's kind as the plans name it: {@code MCP servers} or {@code native connectors}. */
  public String getLockedKind() {
    return lockedKind;
  }

  public List<ToolRow> getTools() {
    return tools;
  }

  public long getAllowedCount() {
    return tools.stream().filter(ToolRow::isAllowed).count();
  }

  public long getBlockedCount() {
    return tools.size() - getAllowedCount();
  }

  /** {@code 3 tools allowed, 1 blocked.} */
  public String getSummary() {
    long allowed = getAllowedCount();
    return allowed
        + (allowed == 1 ? " tool" : " tools")
        + " allowed, "
        + getBlockedCount()
        + " blocked.";
  }
}
