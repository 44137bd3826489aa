package io.claribi.connections.boundary;

import io.claribi.connections.entity.ToolReviewRequest;
import java.io.Serializable;
import java.time.Instant;

/**
 * An organization's request for a review of a vendor's tools, as its admins and the API see it.
 * {@code state} is {@code OPEN} while tools of the vendor still wait for a decision and no operator
 * answered it, else {@code ANSWERED}; {@code waitingTools} counts them now, {@code
 * waitingWhenAsked} when the admin asked.
 */
public record ToolReviewRequestView(
    String vendor,
    String state,
    String message,
    int waitingWhenAsked,
    long waitingTools,
    String requestedBy,
    Instant requestedAt,
    String answeredBy,
    Instant answeredAt)
    implements Serializable {

  static ToolReviewRequestView of(ToolReviewRequest request, long waitingNow) {
    boolean open = request.isOpen() && waitingNow > 0;
    return new ToolReviewRequestView(
        request.vendor(),
        open ? "OPEN" : "ANSWERED",
        request.message(),
        request.waitingTools(),
        waitingNow,
        request.requestedBy(),
        request.requestedAt(),
        request.answeredBy(),
        request.answeredAt());
  }

  public boolean isOpen() {
    return "OPEN".equals(state);
  }
}
