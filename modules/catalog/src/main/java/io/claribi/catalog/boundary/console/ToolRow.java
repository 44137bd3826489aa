package io.claribi.catalog.boundary.console;

import io.claribi.catalog.boundary.DecisionView;
import io.claribi.catalog.boundary.ToolView;
import io.claribi.catalog.entity.Decision;
import io.claribi.catalog.entity.VendorSource;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** A vendor's tool on the console's catalog page: where it stands and every decision made on it. */
public final class ToolRow implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String name;
  private final String title;
  private final String state;
  private final String stateLabel;
  private final String decision;
  private final String decidedBy;
  private final Instant decidedAt;
  private final String reason;
  private final List<Entry> history;

  /** One entry of the tool's decision history ({@code Curation.decisions}). */
  public record Entry(String decision, String fingerprint, String by, Instant at, String reason)
      implements Serializable {

    static Entry of(DecisionView view) {
      return new Entry(
          decisionLabel(view.decision()),
          view.fingerprint(),
          ToolRow.by(view.decidedBy(), view.source()),
          view.decidedAt(),
          view.reason());
    }

    public String getDecision() {
      return decision;
    }

    public String getFingerprint() {
      return fingerprint;
    }

    public String getBy() {
      return by;
    }

    /** When, shown in the person's zone ({@code claribi:time}). */
    public Instant getAt() {
      return at;
    }

    public String getReason() {
      return reason;
    }
  }

  private ToolRow(ToolView tool, List<Entry> history) {
    this.name = tool.name();
    this.title = tool.title() == null ? "" : tool.title();
    this.state = tool.state().name();
    this.stateLabel = OperatorPages.label(tool.state());
    this.decision = decisionLabel(tool.decision());
    this.decidedBy = tool.decidedBy() == null ? "" : by(tool.decidedBy(), tool.decisionSource());
    this.decidedAt = tool.decidedAt();
    this.reason = tool.decisionReason() == null ? "" : tool.decisionReason();
    this.history = List.copyOf(history);
  }

  static ToolRow of(ToolView tool, List<DecisionView> history) {
    return new ToolRow(tool, history.stream().map(Entry::of).toList());
  }

  static String decisionLabel(Decision decision) {
    if (decision == null) {
      return "None yet";
    }
    return decision == Decision.ALLOW ? "Allow" : "Deny";
  }

  private static String by(String who, VendorSource source) {
    return source == VendorSource.CATALOG_FILE ? who + " (catalog file)" : who;
  }

  public String getName() {
    return name;
  }

  public String getTitle() {
    return title;
  }

  public String getState() {
    return state;
  }

  public String getStateLabel() {
    return stateLabel;
  }

  public String getDecision() {
    return decision;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public String getReason() {
    return reason;
  }

  public List<Entry> getHistory() {
    return history;
  }
}
