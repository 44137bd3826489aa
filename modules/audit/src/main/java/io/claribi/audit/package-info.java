/**
 * Audit: the append-only, tamper-evident trail of who created, used and disconnected each
 * connection, and when, plus the operator actions that affect an organization; its query, its
 * export as CSV or JSON Lines, its verification and its retention.
 *
 * <p>May use: {@code platform}, {@code tiering} (entitlements). Nobody depends on it: other
 * contexts fire {@code platform.api.AuditEvent}, which {@code boundary.AuditRecorder} observes.
 * Tenant-scoped.
 *
 * <p>Invariants: an event is written in the same transaction as the change it describes (the
 * observer is {@code MANDATORY}); the events of an organization form one hash chain, appended under
 * the lock of its chain head; no code path updates an event, and only {@code control.Retention}
 * removes old ones, recording that it did (architecture tests); reads go through {@code
 * Entitlements} ({@code AUDIT_TRAIL}).
 */
package io.claribi.audit;
