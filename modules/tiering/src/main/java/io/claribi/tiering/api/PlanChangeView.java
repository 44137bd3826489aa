package io.claribi.tiering.api;

import java.time.Instant;

/** One entry of an organization's plan history. {@code from} is null for the first plan. */
public record PlanChangeView(
    String id, Plan from, Plan to, String changedBy, Instant changedAt, String reason) {}
