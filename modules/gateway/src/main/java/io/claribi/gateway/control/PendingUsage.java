package io.claribi.gateway.control;

import io.claribi.platform.api.DeferredAuditEvent;
import io.claribi.platform.api.OrganizationId;
import java.util.Optional;

/**
 * A usage record in the outbox, not yet in its organization's audit chain: its row id, its
 * organization, and the record, or the text the record could not be read from.
 */
public record PendingUsage(
    long id, OrganizationId organization, Optional<DeferredAuditEvent> record, String json) {}
