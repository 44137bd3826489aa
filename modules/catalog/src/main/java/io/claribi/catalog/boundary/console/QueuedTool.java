package io.claribi.catalog.boundary.console;

import io.claribi.catalog.boundary.ToolView;
import io.claribi.catalog.boundary.VendorView;
import io.claribi.catalog.control.HintContradictions;
import io.claribi.catalog.entity.ToolState;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A tool in the review queue, exactly as the operator reviews it: the vendor's own text, its
 * unverified hints, and the fingerprint of this version, which is the one a decision applies to.
 */
public final class QueuedTool implements Serializable {

  private static final long serialVersionUID = 1L;

  static final String TITLE = "Title";
  static final String DESCRIPTION = "Description";
  static final String SCHEMA = "Input schema";
  static final String ANNOTATIONS = "Annotations";

  /** Oldest first: the tool the catalog has known longest, then by vendor and name. */
  static final Comparator<QueuedTool> OLDEST_FIRST =
      Comparator.comparing((QueuedTool t) -> t.firstSeen)
          .thenComparing(t -> t.vendorId)
          .thenComparing(t -> t.name);

  private final String vendorId;
  private final String vendorName;
  private final String name;
  private final String title;
  private final String description;
  private final String schema;
  private final List<String> hints;
  private final List<String> contradictions;
  private final ToolState state;
  private final String fingerprint;
  private final Instant firstSeen;
  private final String approvedFingerprint;
  private final String allowedBy;
  private final Instant allowedAt;
  private final String allowReason;
  private final boolean approvedKept;
  private final List<FieldChange> changes = new ArrayList<>();
  private final List<String> unchanged = new ArrayList<>();

  private QueuedTool(VendorView vendor, ToolView tool) {
    this.vendorId = vendor.id();
    this.vendorName = vendor.displayName();
    this.name = tool.name();
    this.title = tool.title() == null ? "" : tool.title();
    this.description = tool.description() == null ? "" : tool.description();
    this.schema = OperatorPages.pretty(tool.inputSchema());
    this.hints = hints(tool.annotations().hints());
    this.contradictions =
        HintContradictions.of(tool.name(), tool.description(), tool.annotations().hints());
    this.state = tool.state();
    this.fingerprint = tool.fingerprint();
    this.firstSeen = tool.firstSeenAt();
    // While CHANGED_SINCE_APPROVAL, the tool's decision is the ALLOW it was changed after.
    boolean changed = state == ToolState.CHANGED_SINCE_APPROVAL;
    this.approvedFingerprint = changed ? tool.approvedFingerprint() : "";
    this.allowedBy = changed ? tool.decidedBy() : "";
    this.allowedAt = changed ? tool.decidedAt() : null;
    this.allowReason = changed ? tool.decisionReason() : "";
    this.approvedKept = changed && tool.approved() != null;
    if (approvedKept) {
      compare(tool.approved(), tool);
    }
  }

  /** Each field that differs from the approved text, and the names of those that do not. */
  private void compare(ToolView.Approved before, ToolView now) {
    field(TITLE, before.title(), now.title(), text(before.title()), title);
    field(
        DESCRIPTION,
        before.description(),
        now.description(),
        text(before.description()),
        description);
    field(
        SCHEMA,
        before.inputSchema(),
        now.inputSchema(),
        OperatorPages.pretty(before.inputSchema()),
        schema);
    JsonValue beforeHints = before.annotations().hints();
    field(
        ANNOTATIONS,
        beforeHints,
        now.annotations().hints(),
        String.join("\n", hints(beforeHints)),
        String.join("\n", hints));
  }

  /** JSON is compared as values (key order aside), text exactly. */
  private void field(String name, Object before, Object now, String shownBefore, String shownNow) {
    if (Objects.equals(before, now)) {
      unchanged.add(name);
    } else {
      changes.add(new FieldChange(name, shownBefore, shownNow));
    }
  }

  private static String text(String text) {
    return text == null ? "" : text;
  }

  static boolean needsDecision(ToolView tool) {
    return tool.state() == ToolState.PENDING_REVIEW
        || tool.state() == ToolState.CHANGED_SINCE_APPROVAL;
  }

  static QueuedTool of(VendorView vendor, ToolView tool) {
    return new QueuedTool(vendor, tool);
  }

  /** {@code readOnlyHint: true}, one line per hint the vendor sent. */
  private static List<String> hints(JsonValue hints) {
    if (hints instanceof JsonObject object) {
      return object.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList();
    }
    return hints == null || hints == JsonValue.NULL ? List.of() : List.of(hints.toString());
  }

  /** Names the tool within the queue: vendor ids never contain '/'. */
  public String getKey() {
    return vendorId + "/" + name;
  }

  public String getVendorId() {
    return vendorId;
  }

  public String getVendorName() {
    return vendorName;
  }

  public String getName() {
    return name;
  }

  public String getTitle() {
    return title;
  }

  public String getDescription() {
    return description;
  }

  public String getSchema() {
    return schema;
  }

  public List<String> getHints() {
    return hints;
  }

  /** Where the vendor's hints contradict the tool's own name or description: it only informs. */
  public List<String> getContradictions() {
    return contradictions;
  }

  public String getState() {
    return state.name();
  }

  public String getStateLabel() {
    return OperatorPages.label(state);
  }

  public boolean isChanged() {
    return state == ToolState.CHANGED_SINCE_APPROVAL;
  }

  public String getFingerprint() {
    return fingerprint;
  }

  public Instant getFirstSeen() {
    return firstSeen;
  }

  public String getApprovedFingerprint() {
    return approvedFingerprint;
  }

  public String getAllowedBy() {
    return allowedBy;
  }

  public Instant getAllowedAt() {
    return allowedAt;
  }

  public String getAllowReason() {
    return allowReason;
  }

  /** Whether the approved text was kept: not for ALLOWs recorded before the catalog kept it. */
  public boolean isApprovedKept() {
    return approvedKept;
  }

  /** The fields that differ from the approved version, in the order title, description, … */
  public List<FieldChange> getChanges() {
    return changes;
  }

  /** The names of the fields that did not change, e.g. "Title, Annotations". */
  public String getUnchanged() {
    return String.join(", ", unchanged);
  }
}
