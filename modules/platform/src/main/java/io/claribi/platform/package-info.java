/**
 * The shared kernel, kept tiny: who the caller is and which organization they act for, taken only
 * from the verified token; the one mechanism that binds that organization to tenant-scoped
 * persistence; the request id and client address of each request; the audit event contract ({@code
 * AuditEvent}, {@code AuditEventType}) that every context fires and only {@code audit} observes;
 * schema migrations; and RFC 9457 problem details.
 *
 * <p>Depends on no other context; every context may use its {@code api} package.
 *
 * <p>Invariants: an organization id never comes from request input, only from the {@code org} claim
 * of a verified token; a tenant-scoped EntityManager without a bound organization refuses to read
 * or write; no stack trace reaches a client.
 */
package io.claribi.platform;
