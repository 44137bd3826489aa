package io.claribi.catalog.entity;

import io.claribi.catalog.api.ToolDecision.RefusalReason;

/** Where a tool stands right now, as operators see it in the tool list. */
public enum ToolState {
  /** Allowed, unchanged since, still listed: the one state in which calls go through. */
  ALLOWED(null),
  PENDING_REVIEW(RefusalReason.PENDING_REVIEW),
  DENIED(RefusalReason.DENIED),
  CHANGED_SINCE_APPROVAL(RefusalReason.CHANGED_SINCE_APPROVAL),
  NO_LONGER_LISTED(RefusalReason.NO_LONGER_LISTED);

  private final RefusalReason refusal;

  ToolState(RefusalReason refusal) {
    this.refusal = refusal;
  }

  /** Why a call is refused in this state; empty only for {@link #ALLOWED}. */
  public java.util.Optional<RefusalReason> refusal() {
    return java.util.Optional.ofNullable(refusal);
  }
}
