/**
 * Audit: the append-only trail of who created, used and disconnected each connection, and when, and
 * its export as CSV or JSON Lines.
 *
 * <p>May use: {@code platform}, {@code tiering}. Nobody depends on it: it observes other contexts'
 * events. Tenant-scoped.
 *
 * <p>Invariants: an event is written in the same transaction as the change it describes; no code
 * path updates or deletes an event.
 */
package io.claribi.audit;
