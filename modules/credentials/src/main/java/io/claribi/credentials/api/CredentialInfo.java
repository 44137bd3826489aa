package io.claribi.credentials.api;

import io.claribi.platform.api.ConnectionId;
import java.time.Instant;

/** What may be shown about a stored credential: which key sealed it and when; never a token. */
public record CredentialInfo(ConnectionId connection, String keyFingerprint, Instant sealedAt) {}
