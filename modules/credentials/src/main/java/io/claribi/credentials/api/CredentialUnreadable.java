package io.claribi.credentials.api;

import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.OrganizationId;

/**
 * Fired (synchronously, in the caller's transaction) when a stored credential cannot be opened, so
 * the connections context can mark the connection as needing re-authorisation.
 */
public record CredentialUnreadable(
    OrganizationId organization, ConnectionId connection, String code, String keyFingerprint) {}
