package io.claribi.connections.control.authorization;

import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes one revocation request for a deleted connection's token. Whether and when to try again is
 * the revocation queue's business (a vendor that is down is asked again later, possibly by another
 * node), so this class holds no state between attempts.
 */
public final class Revoker {

  private static final Logger LOG = Logger.getLogger(Revoker.class.getName());

  /** How one attempt ended. */
  public enum Outcome {
    REVOKED,
    /** The authorization server offers no revocation endpoint. */
    NOT_OFFERED,
    /** The server answered, but refused (e.g. a token type it does not revoke). */
    REFUSED,
    /** The server could not be reached or asked to come back later (5xx, 429, no answer). */
    UNAVAILABLE;

    /** Whether asking again could change anything. */
    public boolean worthRetrying() {
      return this == UNAVAILABLE;
    }
  }

  private final AuthorizationServerDiscovery servers;
  private final TokenEndpoint tokens;

  public Revoker(AuthorizationServerDiscovery servers, TokenEndpoint tokens) {
    this.servers = servers;
    this.tokens = tokens;
  }

  /** Asks the authorization server once; never throws. */
  public Outcome revoke(PendingRevocation pending) {
    try {
      AuthorizationServerMetadata server = servers.discover(pending.issuer());
      boolean offered = tokens.revoke(server, pending.client(), pending.token());
      return logged(pending, offered ? Outcome.REVOKED : Outcome.NOT_OFFERED, null);
    } catch (AuthorizationException e) {
      return logged(
          pending,
          e.reason() == AuthorizationException.Reason.VENDOR_UNAVAILABLE
              ? Outcome.UNAVAILABLE
              : Outcome.REFUSED,
          e);
    } catch (RuntimeException e) {
      return logged(pending, Outcome.REFUSED, e);
    }
  }

  private static Outcome logged(PendingRevocation pending, Outcome outcome, Exception cause) {
    Level level =
        outcome == Outcome.REVOKED || outcome == Outcome.NOT_OFFERED ? Level.INFO : Level.WARNING;
    LOG.log(
        level,
        () ->
            "Revocation for "
                + pending.connection()
                + " at "
                + pending.issuer()
                + ": "
                + outcome
                + (cause == null ? "" : " (" + cause.getMessage() + ")"));
    return outcome;
  }
}
