package io.claribi.platform.api;

import java.util.Objects;

/**
 * An audit event recorded after the request that caused it has ended, by a background writer that
 * binds the organization itself. It carries the origin (actor, request id, client address) captured
 * during the request, because the writer's thread has no caller. Only routine usage records travel
 * this way; changes and refusals are {@link AuditEvent}s in the transaction that makes them.
 */
public record DeferredAuditEvent(
    OrganizationId organization,
    String actor,
    String requestId,
    String clientAddress,
    AuditEvent event) {

  public DeferredAuditEvent {
    Objects.requireNonNull(organization, "organization");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(event, "event");
  }
}
