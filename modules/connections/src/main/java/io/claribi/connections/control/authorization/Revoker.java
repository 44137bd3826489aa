package io.claribi.connections.control.authorization;

import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Revokes the tokens of disconnected connections in the background, after the disconnect has
 * committed, so a slow or failing vendor never holds a disconnect up. A vendor that is down (5xx,
 * 429, no answer) is asked again after each of the retry delays; then the revocation gives up and
 * the token is dropped from memory: it expires at the vendor on its own.
 */
public final class Revoker {

  private static final Logger LOG = Logger.getLogger(Revoker.class.getName());

  /** How a revocation ended. */
  public enum Outcome {
    REVOKED,
    /** The authorization server offers no revocation endpoint. */
    NOT_OFFERED,
    /** The server answered, but refused (e.g. a token type it does not revoke). */
    REFUSED,
    /** The server stayed unreachable through every retry. */
    GAVE_UP
  }

  private final AuthorizationServerDiscovery servers;
  private final TokenEndpoint tokens;
  private final ScheduledExecutorService scheduler;
  private final List<Duration> retryDelays;

  public Revoker(
      AuthorizationServerDiscovery servers,
      TokenEndpoint tokens,
      ScheduledExecutorService scheduler,
      List<Duration> retryDelays) {
    this.servers = servers;
    this.tokens = tokens;
    this.scheduler = scheduler;
    this.retryDelays = List.copyOf(retryDelays);
  }

  /** Starts revoking now; the future completes with the outcome and never fails. */
  public CompletableFuture<Outcome> revokeLater(PendingRevocation pending) {
    CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    scheduler.execute(() -> attempt(pending, 0, outcome));
    return outcome;
  }

  private void attempt(PendingRevocation pending, int retries, CompletableFuture<Outcome> outcome) {
    try {
      AuthorizationServerMetadata server = servers.discover(pending.issuer());
      boolean offered = tokens.revoke(server, pending.client(), pending.token());
      finish(pending, offered ? Outcome.REVOKED : Outcome.NOT_OFFERED, null, outcome);
    } catch (AuthorizationException e) {
      if (e.reason() == AuthorizationException.Reason.VENDOR_UNAVAILABLE
          && retries < retryDelays.size()) {
        Duration delay = retryDelays.get(retries);
        LOG.info(
            () ->
                "Revocation for "
                    + pending.connection()
                    + " failed ("
                    + e.getMessage()
                    + "); trying again in "
                    + delay);
        scheduler.schedule(
            () -> attempt(pending, retries + 1, outcome), delay.toMillis(), TimeUnit.MILLISECONDS);
        return;
      }
      Outcome ended =
          e.reason() == AuthorizationException.Reason.VENDOR_UNAVAILABLE
              ? Outcome.GAVE_UP
              : Outcome.REFUSED;
      finish(pending, ended, e, outcome);
    } catch (RuntimeException e) {
      finish(pending, Outcome.REFUSED, e, outcome);
    }
  }

  private static void finish(
      PendingRevocation pending,
      Outcome ended,
      Exception cause,
      CompletableFuture<Outcome> outcome) {
    Level level =
        ended == Outcome.REVOKED || ended == Outcome.NOT_OFFERED ? Level.INFO : Level.WARNING;
    LOG.log(
        level,
        () ->
            "Revocation for "
                + pending.connection()
                + " at "
                + pending.issuer()
                + ": "
                + ended
                + (cause == null ? "" : " (" + cause.getMessage() + ")"));
    outcome.complete(ended);
  }
}
