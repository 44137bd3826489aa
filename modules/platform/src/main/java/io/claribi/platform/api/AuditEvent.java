package io.claribi.platform.api;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A change that the audit trail must record, fired as a CDI event by the context that made the
 * change, inside the transaction that makes it:
 *
 * <pre>{@code
 * @Inject Event<AuditEvent> audit;
 * ...
 * audit.fire(AuditEvent.of(AuditEventType.KEY_ROTATION_FINISHED, Map.of("keyId", id)));
 * }</pre>
 *
 * <p>The audit context observes it synchronously, so the event row is written in the same
 * transaction: a rollback removes both, a commit keeps both. The organization is the one the
 * producer's tenant binding is bound to (the caller's, or the target inside {@link
 * TenantBinding#actAsOperatorFor}); actor, time, request id and client address are added by the
 * audit context. Firing outside a transaction fails, and so does the producer's change.
 *
 * @param type what happened
 * @param connection the connection concerned, or null when the type does not need one
 * @param vendor the vendor (catalog slug) concerned, or null when the type does not need one
 * @param details small, non-secret facts; only the keys the type declares
 */
public record AuditEvent(
    AuditEventType type, String connection, String vendor, SortedMap<String, String> details) {

  /** Identifiers of connections and vendors: safe in logs and exports. */
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

  public static final int MAX_DETAIL_LENGTH = 500;

  public AuditEvent {
    Objects.requireNonNull(type, "type");
    requireSubject(type, connection, vendor);
    details = Collections.unmodifiableSortedMap(checked(type, details));
  }

  /** An event about the organization only. */
  public static AuditEvent of(AuditEventType type, Map<String, String> details) {
    return new AuditEvent(type, null, null, new TreeMap<>(details));
  }

  /** An event about a vendor, such as a tool decision or a blocked call. */
  public static AuditEvent forVendor(
      AuditEventType type, String vendor, Map<String, String> details) {
    return new AuditEvent(type, null, vendor, new TreeMap<>(details));
  }

  /** An event about one connection of the organization. */
  public static AuditEvent forConnection(
      AuditEventType type, String connection, String vendor, Map<String, String> details) {
    return new AuditEvent(type, connection, vendor, new TreeMap<>(details));
  }

  public static boolean isIdentifier(String candidate) {
    return candidate != null && IDENTIFIER.matcher(candidate).matches();
  }

  private static void requireSubject(AuditEventType type, String connection, String vendor) {
    boolean needsVendor = type.subject() != AuditEventType.Subject.NONE;
    boolean needsConnection = type.subject() == AuditEventType.Subject.CONNECTION;
    if (needsVendor != (vendor != null) || needsConnection && connection == null) {
      throw new IllegalArgumentException(
          type
              + " is about "
              + type.subject()
              + ": connection "
              + connection
              + ", vendor "
              + vendor);
    }
    if (!needsVendor && connection != null) {
      throw new IllegalArgumentException(type + " names no connection");
    }
    for (String id : new String[] {connection, vendor}) {
      if (id != null && !isIdentifier(id)) {
        throw new IllegalArgumentException("not an identifier: " + id);
      }
    }
  }

  private static SortedMap<String, String> checked(
      AuditEventType type, SortedMap<String, String> details) {
    SortedMap<String, String> copy = new TreeMap<>(details == null ? Map.of() : details);
    copy.forEach(
        (key, value) -> {
          if (!type.detailKeys().contains(key)) {
            throw new IllegalArgumentException(
                type + " does not record '" + key + "'; it records " + type.detailKeys());
          }
          if (value == null || value.length() > MAX_DETAIL_LENGTH) {
            throw new IllegalArgumentException(
                "detail '" + key + "' must be 0-" + MAX_DETAIL_LENGTH + " characters");
          }
        });
    return copy;
  }
}
