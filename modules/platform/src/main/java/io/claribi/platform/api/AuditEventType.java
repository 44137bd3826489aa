package io.claribi.platform.api;

import java.util.Set;

/**
 * Every kind of event the audit trail records, with the only detail keys each may carry. A key that
 * is not declared here is refused when the event is created, so a producer cannot put tool
 * arguments, results or secrets into the trail by accident.
 */
public enum AuditEventType {
  /** An organization connected a vendor (OAuth callback completed). */
  CONNECTION_CREATED(Subject.CONNECTION, "scopes"),
  /** One tool call through the gateway: which tool, how it ended, how long it took. */
  CONNECTION_USED(Subject.CONNECTION, "tool", "outcome", "durationMs", "calledAt"),
  /** The connection and its credential were deleted. */
  CONNECTION_DISCONNECTED(Subject.CONNECTION, "reason"),
  /**
   * An organization uploaded a file as a data source; the subject is the upload's id, with vendor
   * {@code upload}. Its tool calls are {@code CONNECTION_USED} with the same subject.
   */
  UPLOAD_ADDED(Subject.CONNECTION, "name", "format", "sizeBytes", "sha256", "domains"),
  /** An uploaded file and its stored bytes were deleted. */
  UPLOAD_DELETED(Subject.CONNECTION, "name", "sha256"),
  /** The vendor rejected a refresh: the connection needs a new consent. */
  CONNECTION_REAUTH_REQUIRED(Subject.CONNECTION, "reason"),
  /** A tool call was refused before anything left for the vendor. */
  TOOL_CALL_BLOCKED(Subject.VENDOR, "tool", "reason"),
  /** An access token was refreshed (and, if the vendor rotates them, the refresh token). */
  CREDENTIAL_REFRESHED(Subject.CONNECTION, "rotated"),
  /**
   * A platform operator (or first use) set the organization's plan. Also in the operators' trail
   * (the operator's own organization's), with {@code organization} naming the one changed.
   */
  PLAN_CHANGED(Subject.NONE, "from", "to", "reason", "organization"),
  /**
   * An admin of the organization asked the platform operators for a larger plan (or asked again,
   * replacing the open request); {@code message} only if they wrote one.
   */
  PLAN_REQUESTED(Subject.NONE, "plan", "message"),
  /** A platform operator declined the organization's open request for a plan, saying why. */
  PLAN_REQUEST_DECLINED(Subject.NONE, "plan", "reason"),
  /**
   * An admin of the organization asked the platform operators to review the tools of the
   * connection's vendor that wait for a decision ({@code waiting} of them); {@code message} only if
   * they wrote one.
   */
  TOOL_REVIEW_REQUESTED(Subject.CONNECTION, "waiting", "message"),
  /** An operator changed the allowlist decision of a tool of a vendor the organization uses. */
  TOOL_DECISION_CHANGED(Subject.VENDOR, "tool", "decision", "reason"),
  /**
   * A platform operator created, edited or retired a catalog vendor; recorded in the operator's own
   * organization's trail. {@code change} is CREATED, EDITED or RETIRED.
   */
  CATALOG_VENDOR_CHANGED(Subject.VENDOR, "change", "reason"),
  /**
   * A platform operator dropped this product's registration with an authorization server (the
   * vendor forgot it); the next connect registers again. In the operator's own organization's
   * trail.
   */
  CATALOG_OAUTH_CLIENT_DROPPED(Subject.NONE, "issuer", "source", "reason"),
  /**
   * A platform operator started (or resumed) a key rotation run; in the operators' trail (the
   * operator's own organization's).
   */
  KEY_ROTATION_STARTED(Subject.NONE, "run", "keyId", "resumed"),
  /** The organization's credentials were re-encrypted under the newest key. */
  KEY_ROTATION_FINISHED(Subject.NONE, "keyId", "reencrypted"),
  /**
   * A console user of the organization signed in (development users or the LDAP directory); the
   * actor is the user.
   */
  CONSOLE_SIGN_IN(Subject.NONE),
  /**
   * A console sign-in with the name of one of the organization's users failed; the actor is that
   * user. {@code reason} is WRONG_CREDENTIALS (the password was checked: {@code failures} is the
   * name's count in the throttling window) or THROTTLED (refused unchecked until {@code
   * retryAfter}; recorded once per lock).
   */
  CONSOLE_SIGN_IN_FAILED(Subject.NONE, "reason", "failures", "retryAfter"),
  /** The retention job removed events older than the retention period. */
  AUDIT_RETENTION_APPLIED(
      Subject.NONE, "retention", "cutoff", "removed", "prunedThroughSequence", "prunedThroughHash");

  /** What an event of a type is about besides the organization. */
  public enum Subject {
    /** Only the organization. */
    NONE,
    /** A vendor; the connection is optional (a blocked call may name none). */
    VENDOR,
    /** A connection to a vendor: both required. */
    CONNECTION
  }

  private final Subject subject;
  private final Set<String> detailKeys;

  AuditEventType(Subject subject, String... detailKeys) {
    this.subject = subject;
    this.detailKeys = Set.of(detailKeys);
  }

  public Subject subject() {
    return subject;
  }

  /** The detail keys an event of this type may carry; all are optional. */
  public Set<String> detailKeys() {
    return detailKeys;
  }
}
