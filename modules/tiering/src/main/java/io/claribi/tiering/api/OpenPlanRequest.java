package io.claribi.tiering.api;

import java.time.Instant;

/**
 * An organization's open request for a larger plan, as the platform operators' list shows it.
 *
 * @param organization the organization's id
 * @param name its display name
 * @param current its plan now
 * @param plan the plan asked for
 */
public record OpenPlanRequest(
    String organization,
    String name,
    Plan current,
    Plan plan,
    String message,
    String requestedBy,
    Instant requestedAt) {}
