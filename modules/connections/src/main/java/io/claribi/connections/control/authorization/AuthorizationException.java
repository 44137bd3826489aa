package io.claribi.connections.control.authorization;

import io.claribi.platform.api.ProblemException;
import java.util.OptionalLong;

/**
 * The vendor's authorization server or its metadata could not be used safely: a 502 problem (503
 * with {@code Retry-After} when it did not answer) whose code names what went wrong, so an admin
 * can tell a misconfigured vendor from a refused consent.
 */
public class AuthorizationException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** The stable codes, documented in docs/api.md. */
  public enum Reason {
    /** A URL learned from the vendor breaks the outbound rules (scheme, address). */
    VENDOR_URL_REFUSED,
    /** The vendor answered with a redirect where none is followed. */
    VENDOR_REDIRECT_REFUSED,
    /** Metadata missing, malformed, for another resource or with another issuer. */
    VENDOR_METADATA_INVALID,
    /** The authorization server does not advertise PKCE with S256. */
    VENDOR_PKCE_UNSUPPORTED,
    /** No way to register this product as a client of the authorization server. */
    VENDOR_REGISTRATION_FAILED,
    /** A reply larger than the limit. */
    VENDOR_RESPONSE_TOO_LARGE,
    /** The authorization server refused the consent (the admin declined, or it failed). */
    VENDOR_AUTHORIZATION_DENIED,
    /** The authorization response came from, or names, another authorization server (mix-up). */
    VENDOR_ISSUER_MISMATCH,
    /** The token endpoint refused a code or refresh token. */
    VENDOR_TOKEN_REJECTED,
    /** The vendor asked for more than read access (step-up): never granted. */
    VENDOR_SCOPE_ESCALATION,
    /** Unreachable or too slow. */
    VENDOR_UNAVAILABLE
  }

  private final Reason reason;
  private final long retryAfterSeconds;

  public AuthorizationException(Reason reason, String detail) {
    this(reason, detail, 0);
  }

  private AuthorizationException(Reason reason, String detail, long retryAfterSeconds) {
    super(
        reason == Reason.VENDOR_UNAVAILABLE ? 503 : 502,
        reason.name(),
        reason == Reason.VENDOR_UNAVAILABLE ? "Vendor unavailable" : "Vendor authorization failed",
        detail);
    this.reason = reason;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public static AuthorizationException unavailable(String detail, long retryAfterSeconds) {
    return new AuthorizationException(Reason.VENDOR_UNAVAILABLE, detail, retryAfterSeconds);
  }

  public Reason reason() {
    return reason;
  }

  @Override
  public OptionalLong retryAfterSeconds() {
    return reason == Reason.VENDOR_UNAVAILABLE
        ? OptionalLong.of(retryAfterSeconds)
        : OptionalLong.empty();
  }
}
