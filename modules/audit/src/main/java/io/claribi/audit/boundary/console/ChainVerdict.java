package io.claribi.audit.boundary.console;

import io.claribi.audit.boundary.VerificationView;
import java.io.Serializable;

/** The answer of a chain verification in words, as the audit page shows it. */
public final class ChainVerdict implements Serializable {

  private static final long serialVersionUID = 1L;

  private final boolean intact;
  private final String summary;
  private final String anchor;

  private ChainVerdict(boolean intact, String summary, String anchor) {
    this.intact = intact;
    this.summary = summary;
    this.anchor = anchor;
  }

  static ChainVerdict of(VerificationView view) {
    String anchor =
        "Chain head at "
            + view.verifiedAt()
            + ": event "
            + view.chainHeadSequence()
            + ", hash "
            + view.chainHeadHash()
            + ". Keep it somewhere else: a later trail that does not pass through it was rewritten.";
    if (view.intact()) {
      String summary =
          view.eventsVerified() == 0
              ? "Verified: the trail has no events to check yet."
              : "Verified: the chain is intact. "
                  + events(view.eventsVerified())
                  + " checked, from event "
                  + view.firstSequence()
                  + " to event "
                  + view.lastVerifiedSequence()
                  + ".";
      return new ChainVerdict(true, summary, anchor);
    }
    VerificationView.BrokenLink broken = view.firstBrokenLink();
    String summary =
        "Not verified: the chain breaks at event "
            + broken.sequence()
            + ": "
            + problem(broken.problem())
            + " ("
            + broken.detail()
            + "). "
            + events(view.eventsVerified())
            + " before it verified.";
    return new ChainVerdict(false, summary, anchor);
  }

  private static String events(long count) {
    return count == 1 ? "1 event" : count + " events";
  }

  /** docs/audit.md, "Checking the trail". */
  static String problem(String code) {
    return switch (code) {
      case "CONTENT_CHANGED" -> "the event was altered after it was recorded";
      case "EVENT_MISSING" -> "an event, or the newest events, were removed";
      case "LINK_BROKEN" -> "the event does not follow the one before it (inserted or moved)";
      default -> code;
    };
  }

  public boolean isIntact() {
    return intact;
  }

  public String getSummary() {
    return summary;
  }

  public String getAnchor() {
    return anchor;
  }
}
