package io.claribi.connections.boundary.console;

import io.claribi.catalog.api.KnownTool;
import io.claribi.catalog.api.ToolDecision;
import io.claribi.catalog.api.ToolDecision.RefusalReason;
import java.io.Serializable;
import java.util.List;

/**
 * One of a vendor's tools on the console's Tools page: the vendor's text (written escaped), the
 * allowlist's decision, and for a blocked tool why, in words.
 */
public final class ToolRow implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String name;
  private final String title;
  private final String description;
  private final boolean allowed;
  private final String reason;
  private final String why;
  private final List<String> hints;

  private ToolRow(KnownTool tool) {
    this.name = tool.name();
    this.title = tool.title() == null ? "" : tool.title();
    this.description = tool.description() == null ? "" : tool.description();
    this.allowed = tool.allowed();
    RefusalReason refusal =
        tool.decision() instanceof ToolDecision.Refused refused ? refused.reason() : null;
    this.reason = refusal == null ? "" : refusal.name();
    this.why = refusal == null ? "" : why(refusal, tool.decisionReason());
    this.hints =
        tool.hints().entrySet().stream().map(h -> h.getKey() + ": " + h.getValue()).toList();
  }

  static ToolRow of(KnownTool tool) {
    return new ToolRow(tool);
  }

  /** Why the gateway refuses a call to this tool, for an organization's admins. */
  static String why(RefusalReason refusal, String recordedReason) {
    return switch (refusal) {
      case PENDING_REVIEW -> "Never seen before: awaiting a platform operator's review.";
      case DENIED ->
          "Denied by a platform operator"
              + (recordedReason == null || recordedReason.isBlank()
                  ? "."
                  : ". Reason recorded: " + recordedReason);
      case CHANGED_SINCE_APPROVAL ->
          "Changed since it was approved: the vendor changed its description, title, input"
              + " schema or hints. Blocked until an operator approves it again.";
      case NO_LONGER_LISTED -> "No longer listed by the vendor.";
      case UNKNOWN_TOOL, VENDOR_UNKNOWN -> "Not known to the catalog.";
    };
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

  public boolean isAllowed() {
    return allowed;
  }

  /** {@code ALLOWED} or {@code BLOCKED}. */
  public String getStatus() {
    return allowed ? "ALLOWED" : "BLOCKED";
  }

  /** The allowlist's refusal reason ({@code DENIED}, …); empty when allowed. */
  public String getReason() {
    return reason;
  }

  public String getWhy() {
    return why;
  }

  public List<String> getHints() {
    return hints;
  }
}
