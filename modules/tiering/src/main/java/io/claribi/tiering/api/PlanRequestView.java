package io.claribi.tiering.api;

import java.time.Instant;

/**
 * An admin's request for a larger plan as the organization and the operators see it.
 *
 * @param state {@code OPEN}, {@code GRANTED} (the plan was changed to it or above) or {@code
 *     DECLINED} (with the operator's reason)
 */
public record PlanRequestView(
    String id,
    Plan plan,
    String message,
    String requestedBy,
    Instant requestedAt,
    String state,
    String closedBy,
    Instant closedAt,
    String closingReason) {}
