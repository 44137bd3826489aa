package io.claribi.connections.boundary;

import java.time.Instant;

/** An open request for a tool review, as the platform operators see it (decision 60). */
public record OpenToolReviewRequest(
    String organization,
    String vendor,
    String message,
    long waitingTools,
    String requestedBy,
    Instant requestedAt) {}
