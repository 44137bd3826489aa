package io.claribi.catalog.boundary.console;

import io.claribi.catalog.api.VendorKind;
import io.claribi.catalog.boundary.ToolView;
import io.claribi.catalog.boundary.VendorView;
import io.claribi.catalog.entity.ToolState;
import io.claribi.catalog.entity.VendorState;
import java.io.Serializable;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A vendor on the console's catalog page: what it is, what it asks for, its tools by state. */
public final class VendorSummary implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String id;
  private final String displayName;
  private final VendorKind kind;
  private final boolean retired;
  private final String serverUrl;
  private final String authorizationServer;
  private final List<String> readScopes;
  private final List<String> dataDomains;
  private final String changedBy;
  private final Instant changedAt;
  private final String changeReason;
  private final List<Count> counts;

  /** How many of the vendor's tools are in one state. */
  public record Count(ToolState state, String label, long tools) implements Serializable {
    // EL 5 reads no record components: getters for the page.
    public String getState() {
      return state.name();
    }

    public String getLabel() {
      return label;
    }

    public long getTools() {
      return tools;
    }
  }

  private VendorSummary(VendorView vendor, List<Count> counts) {
    this.id = vendor.id();
    this.displayName = vendor.displayName();
    this.kind = vendor.kind();
    this.retired = vendor.state() == VendorState.RETIRED;
    this.serverUrl = vendor.serverUrl();
    this.authorizationServer = vendor.authorizationServer();
    this.readScopes = List.copyOf(vendor.readScopes());
    this.dataDomains = List.copyOf(vendor.dataDomains());
    this.changedBy = vendor.changedBy();
    this.changedAt = vendor.changedAt();
    this.changeReason = vendor.changeReason();
    this.counts = List.copyOf(counts);
  }

  static VendorSummary of(VendorView vendor, List<ToolView> tools) {
    Map<ToolState, Long> byState = new EnumMap<>(ToolState.class);
    for (ToolState state : ToolState.values()) {
      byState.put(state, 0L);
    }
    tools.forEach(t -> byState.merge(t.state(), 1L, Long::sum));
    List<Count> counts =
        byState.entrySet().stream()
            .map(e -> new Count(e.getKey(), OperatorPages.label(e.getKey()), e.getValue()))
            .toList();
    return new VendorSummary(vendor, counts);
  }

  public String getId() {
    return id;
  }

  public String getDisplayName() {
    return displayName;
  }

  public String getKind() {
    return kind.name();
  }

  public String getKindLabel() {
    return kind == VendorKind.MCP ? "MCP server" : "Native connector";
  }

  public boolean isRetired() {
    return retired;
  }

  public String getStateLabel() {
    return retired ? "Retired" : "Active";
  }

  public String getServerUrl() {
    return serverUrl;
  }

  /** A native connector's issuer; empty for MCP vendors, whose servers name theirs. */
  public String getAuthorizationServer() {
    return authorizationServer == null ? "" : authorizationServer;
  }

  public List<String> getReadScopes() {
    return readScopes;
  }

  public String getDataDomains() {
    return String.join(", ", dataDomains);
  }

  public String getChangedBy() {
    return changedBy;
  }

  public Instant getChangedAt() {
    return changedAt;
  }

  public String getChangeReason() {
    return changeReason;
  }

  public List<Count> getCounts() {
    return counts;
  }

  /** Tools waiting in the review queue (awaiting review or changed since approval). */
  public long getToReview() {
    return counts.stream()
        .filter(
            c ->
                c.state() == ToolState.PENDING_REVIEW
                    || c.state() == ToolState.CHANGED_SINCE_APPROVAL)
        .mapToLong(Count::tools)
        .sum();
  }
}
