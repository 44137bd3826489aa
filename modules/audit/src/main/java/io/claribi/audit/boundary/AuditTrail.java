package io.claribi.audit.boundary;

import io.claribi.audit.control.Anchor;
import io.claribi.audit.control.EventFilter;
import io.claribi.audit.control.EventLog;
import io.claribi.audit.entity.ChainHead;
import io.claribi.audit.entity.RecordedEvent;
import io.claribi.platform.api.AuditEventType;
import io.claribi.platform.api.OrganizationId;
import io.claribi.platform.api.Roles;
import io.claribi.platform.api.VerifiedCaller;
import io.claribi.tiering.api.Entitlement;
import io.claribi.tiering.api.Entitlements;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * The transaction boundary for reading the caller's audit trail. Each method is one short
 * transaction, so exports and verification read a large trail a chunk at a time.
 */
@ApplicationScoped
public class AuditTrail {

  @Inject EventLog log;
  @Inject Entitlements entitlements;
  @Inject VerifiedCaller caller;

  /**
   * 403 PLAN_UPGRADE_REQUIRED unless the caller's plan includes the audit trail. A platform
   * operator reads the operators' trail (their own organization's) on any plan: it is the record of
   * operator actions, not a feature sold to that organization. Not one who is also an admin of that
   * organization: an admin reads a customer's trail, and a customer's admin who also holds the
   * operator role must not get the audit trail without the plan (tier gating, PlanMatrixIT).
   */
  public void requireEntitled() {
    if (caller.isInRole(Roles.PLATFORM_OPERATOR) && !caller.isInRole(Roles.ORG_ADMIN)) {
      return;
    }
    entitlements.require(Entitlement.AUDIT_TRAIL);
  }

  public OrganizationId organization() {
    return log.organization();
  }

  /** The newest link now: sequence and hash (0 and the genesis hash for an empty trail). */
  @Transactional
  public Anchor head() {
    return log.head()
        .map(h -> new Anchor(h.lastSequence(), h.lastHash()))
        .orElse(new Anchor(0, ChainHead.GENESIS));
  }

  @Transactional
  public List<EventView> select(EventFilter filter, long after, long upTo, int limit) {
    String organization = log.organization().value();
    return log.select(filter, after, upTo, limit).stream()
        .map(e -> EventView.of(organization, e))
        .toList();
  }

  /**
   * The same selection newest first: events below {@code below} (a sequence number; {@code
   * Long.MAX_VALUE} for the newest page). The console lists this way; the REST API pages oldest
   * first with {@code after}.
   */
  @Transactional
  public List<EventView> selectNewestFirst(EventFilter filter, long below, int limit) {
    String organization = log.organization().value();
    return log.selectNewestFirst(filter, below, limit).stream()
        .map(e -> EventView.of(organization, e))
        .toList();
  }

  /** The same selection as {@link #select}, as export rows. */
  @Transactional
  public List<ExportRow> exportChunk(EventFilter filter, long after, long upTo, int limit) {
    String organization = log.organization().value();
    return log.select(filter, after, upTo, limit).stream()
        .map(e -> ExportRow.of(organization, e))
        .toList();
  }

  /** Where the stored chain starts: after the last event the retention job removed, if any. */
  @Transactional
  public Anchor anchor() {
    return log.newest(AuditEventType.AUDIT_RETENTION_APPLIED)
        .map(RecordedEvent::content)
        .map(
            c ->
                new Anchor(
                    Long.parseLong(c.details().get("prunedThroughSequence")),
                    c.details().get("prunedThroughHash")))
        .orElse(Anchor.START);
  }

  @Transactional
  public List<RecordedEvent> chain(long after, long upTo, int limit) {
    return log.chain(after, upTo, limit);
  }

  @Transactional
  public ActivityView activity(String connection, Instant from, Instant to) {
    if (!log.knows(connection)) {
      throw io.claribi.platform.api.ProblemException.notFound("Connection " + connection);
    }
    return ActivityView.of(
        connection,
        from,
        to,
        log.first(connection, AuditEventType.CONNECTION_CREATED).map(RecordedEvent::content),
        log.first(connection, AuditEventType.CONNECTION_DISCONNECTED).map(RecordedEvent::content),
        log.count(connection, AuditEventType.CONNECTION_USED, from, to));
  }
}
