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
    /**
     * The authorization server does not know this product's client ({@code invalid_client} or
     * {@code unauthorized_client}): the vendor forgot a dynamic registration. An operator drops it
     * ({@code DELETE /api/v1/catalog/oauth-clients?issuer=}) and the next connect registers again.
     */
    VENDOR_CLIENT_UNKNOWN,
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

  /** The OAuth error codes (RFC 6749) that say the server does not know or accept our client. */
  static boolean namesUnknownClient(String oauthError) {
    return "invalid_client".equals(oauthError) || "unauthorized_client".equals(oauthError);
  }

  static AuthorizationException clientUnknown(String issuer, String oauthError) {
    return new AuthorizationException(
        Reason.VENDOR_CLIENT_UNKNOWN,
        "The authorization server "
            + issuer
            + " does not accept this product's client ("
            + oauthError
            + "). A platform operator can drop the registration"
            + " (DELETE /api/v1/catalog/oauth-clients?issuer=...) so that the next connect"
            + " registers again.");
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
