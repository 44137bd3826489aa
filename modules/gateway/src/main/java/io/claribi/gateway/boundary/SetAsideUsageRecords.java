package io.claribi.gateway.boundary;

import io.claribi.gateway.control.PendingUsage;
import io.claribi.gateway.control.SetAsideUsage;
import io.claribi.platform.api.AuditText;
import io.claribi.platform.api.DeferredAuditEvent;
import io.claribi.platform.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;

/**
 * Usage records the audit trail refused on their own: each is kept (ASCII-encoded, see {@link
 * UsageRecordJson}), logged once and counted, so it never holds back another record and is never
 * lost; operators list them and, once the cause is fixed, retry them into the trail.
 */
@ApplicationScoped
public class SetAsideUsageRecords {

  private static final Logger LOG = Logger.getLogger(SetAsideUsageRecords.class.getName());

  /** Exported as {@code claribi_usage_records_set_aside_total} on {@code /metrics}. */
  public static final String METRIC = "claribi.usage.records.set.aside";

  @Inject SetAsideUsage store;
  @Inject UsageJournal journal;
  @Inject UsageWriter writer;
  @Inject Clock clock;

  @Inject
  @Metric(
      name = METRIC,
      absolute = true,
      description = "Usage records the audit trail refused on their own and that were set aside")
  Counter counted;

  /**
   * Moves a record that failed on its own from the outbox into the set-aside table, in one
   * transaction, unless another relay has already moved or written it.
   *
   * @return false if it could not be kept either (it stays in the outbox)
   */
  boolean setAside(PendingUsage pending, RuntimeException failure) {
    DeferredAuditEvent record = pending.record().orElseThrow();
    String id = UUID.randomUUID().toString();
    String reason = reason(failure);
    SetAsideUsage.Entry entry =
        new SetAsideUsage.Entry(
            id,
            record.organization(),
            clock.instant(),
            record.event().type().name(),
            record.event().connection(),
            record.event().vendor(),
            record.requestId(),
            reason,
            UsageRecordJson.encode(record));
    try {
      if (!writer.moveAside(pending.id(), () -> store.add(entry))) {
        return true; // another relay took care of it
      }
    } catch (RuntimeException notKept) {
      return false;
    }
    counted.inc();
    // Once per record, with identifiers only: the record itself is on the operator's list.
    LOG.warning(
        () ->
            "A usage record of "
                + record.organization()
                + " (request "
                + record.requestId()
                + ", connection "
                + record.event().connection()
                + ") could not be written to the audit trail and was set aside as "
                + id
                + ": "
                + reason);
    return true;
  }

  /**
   * Keeps an outbox row whose text cannot be read back as a record (changed behind the
   * application's back): it is set aside as it is, for an operator to look at.
   *
   * @return false if it could not be kept either (it stays in the outbox)
   */
  boolean setAsideUnreadable(PendingUsage pending) {
    String id = UUID.randomUUID().toString();
    SetAsideUsage.Entry entry =
        new SetAsideUsage.Entry(
            id,
            pending.organization(),
            clock.instant(),
            "CONNECTION_USED",
            null,
            null,
            "outbox-" + pending.id(),
            "the record cannot be read back from the usage outbox",
            ascii(pending.json()));
    try {
      if (!writer.moveAside(pending.id(), () -> store.add(entry))) {
        return true;
      }
    } catch (RuntimeException notKept) {
      return false;
    }
    counted.inc();
    LOG.warning(
        () ->
            "A usage record of "
                + pending.organization()
                + " in the outbox cannot be read and was set aside as "
                + id);
    return true;
  }

  /** Every character outside printable ASCII escaped, nothing cut: the store takes ASCII only. */
  private static String ascii(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.chars()
        .forEach(
            c -> {
              if (c >= 0x20 && c < 0x7f) {
                out.append((char) c);
              } else {
                out.append(String.format("\\u%04x", c));
              }
            });
    return out.toString();
  }

  /** Whether the database answers at all: down, every record stays queued. */
  boolean databaseAnswers() {
    return store.databaseAnswers();
  }

  /** The newest records set aside, newest first. */
  public SetAsideView list(int limit) {
    List<SetAsideView.Entry> entries =
        store.newest(limit).stream().map(SetAsideView.Entry::of).toList();
    return new SetAsideView(store.count(), entries);
  }

  /**
   * Puts a set-aside record back into the journal (its cause fixed): it is written like any other,
   * and set aside again, under a new id, if the trail still refuses it. Only the request that
   * removes it from the list queues it, so two operators retrying at once write it once.
   */
  public void retry(String id) {
    SetAsideUsage.Entry entry =
        store.find(id).orElseThrow(() -> ProblemException.notFound("Set-aside usage record " + id));
    DeferredAuditEvent record = UsageRecordJson.decode(entry.recordJson());
    if (!store.remove(id)) {
      throw ProblemException.notFound("Set-aside usage record " + id);
    }
    journal.record(record);
  }

  /**
   * What the database said, without the record's values where the driver names the class and SQL
   * state: the innermost cause, made visible ASCII and bounded (200 characters).
   */
  static String reason(Throwable failure) {
    Throwable root = failure;
    String sqlState = null;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
      if (root instanceof SQLException sql && sql.getSQLState() != null) {
        sqlState = sql.getSQLState();
      }
    }
    String text =
        root.getClass().getSimpleName()
            + (sqlState != null ? " (SQL state " + sqlState + ")" : "")
            + (root.getMessage() != null ? ": " + root.getMessage() : "");
    return AuditText.visible(text);
  }
}
