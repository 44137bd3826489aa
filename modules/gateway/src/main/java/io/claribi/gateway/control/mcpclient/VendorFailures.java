package io.claribi.gateway.control.mcpclient;

import io.claribi.connections.api.VendorText;
import io.claribi.gateway.api.VendorErrorException;
import io.claribi.gateway.api.VendorUnavailableException;
import io.claribi.platform.api.BearerChallenge;
import io.claribi.platform.api.ProblemException;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.modern.McpException;
import io.modelcontextprotocol.modern.client.McpInputHandlerMissingException;
import io.modelcontextprotocol.modern.client.McpInputRoundsExceededException;
import io.modelcontextprotocol.modern.client.McpInvalidResultException;
import io.modelcontextprotocol.modern.client.McpTimeoutException;
import io.modelcontextprotocol.modern.client.transport.McpHttpStatusException;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpTransportException;
import io.modelcontextprotocol.spec.McpTransportSessionClosedException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;

/** Turns whatever the SDK threw into the gateway's documented problems. */
final class VendorFailures {

  private static final Logger LOG = Logger.getLogger(VendorFailures.class.getName());

  static final int MAX_MESSAGE = VendorText.MAX_MESSAGE;

  private VendorFailures() {}

  /**
   * Whether the session must be retired: a failure of the transport, not one that concerns only the
   * call it ended. An error the vendor itself answered, a time-out, an oversized or malformed
   * reply, or a refused credential leave the session to the other calls (the SDK also reports its
   * own transport failures as {@link McpError}s, with the cause attached).
   */
  static boolean breaksSession(Throwable failure) {
    if (failure instanceof McpError error && error.getCause() == null) {
      return false;
    }
    return !(timedOut(failure)
        || tooLarge(failure)
        || causedBy(failure, JacksonException.class)
        || causedBy(failure, McpHttpClientTransportAuthorizationException.class)
        || causedBy(failure, VendorTransport.NoCredentialLent.class));
  }

  /** A short account of a failure for the log: no token, no response body. */
  static String describe(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof ProblemException problem) {
      return problem.code() + ": " + problem.detail();
    }
    Throwable root = McpError.findRootCause(cause);
    return root.getClass().getSimpleName() + ": " + sanitise(String.valueOf(root.getMessage()));
  }

  static ProblemException classify(Throwable failure, String vendor, long retryAfterSeconds) {
    if (tooLarge(failure)) {
      return new VendorErrorException(
          "VENDOR_RESPONSE_TOO_LARGE",
          vendor + " sent a reply larger than this server accepts; it was dropped.");
    }
    if (timedOut(failure)) {
      return new VendorUnavailableException(
          vendor + " did not answer in time; try again later.", retryAfterSeconds);
    }
    if (causedBy(failure, JacksonException.class)) {
      return new VendorErrorException(
          "VENDOR_RESPONSE_MALFORMED", vendor + " sent a reply that is not valid MCP JSON.");
    }
    Optional<String> stepUp = stepUp(failure);
    if (stepUp.isPresent()) {
      return new ProblemException(
          403,
          "VENDOR_SCOPE_STEP_UP_REFUSED",
          "Vendor asked for more scope",
          vendor
              + " asked for more scope ("
              + sanitise(stepUp.get())
              + ") than this connection was granted. clariBI connects read-only and never asks"
              + " for more scope; an operator should deny this tool.");
    }
    Optional<ProblemException> stateless = Stateless.classify(failure, vendor, retryAfterSeconds);
    if (stateless.isPresent()) {
      return stateless.get();
    }
    if (causedBy(failure, McpHttpClientTransportAuthorizationException.class)) {
      return new VendorErrorException(
          "VENDOR_AUTHORIZATION_FAILED",
          vendor
              + " refused this connection's credential; the connection may need to be"
              + " authorized again.");
    }
    if (causedBy(failure, IOException.class)) {
      return new VendorUnavailableException(
          vendor + " could not be reached; try again later.", retryAfterSeconds);
    }
    if (failure instanceof McpError error && error.getJsonRpcError() != null) {
      return new VendorErrorException(
          "VENDOR_ERROR",
          vendor + " answered with an error: " + sanitise(error.getJsonRpcError().message()));
    }
    if (causedBy(failure, VendorTransport.NoCredentialLent.class)) {
      return new VendorUnavailableException(
          "Nothing was sent to " + vendor + ": no credential was lent for it; try again.",
          retryAfterSeconds);
    }
    if (sessionEnded(failure)) {
      // Another call's failure or a close ended the session under this call.
      return new VendorUnavailableException(
          vendor + "'s session ended before it answered; try again.", retryAfterSeconds);
    }
    Throwable root = McpError.findRootCause(failure);
    if (causedBy(failure, McpTransportException.class)) {
      // The SDK's messages name its own classes and echo the reply: only the status is shown.
      Optional<Integer> status = httpStatus(String.valueOf(root.getMessage()));
      if (status.filter(code -> code >= 500).isPresent()) {
        return new VendorUnavailableException(
            vendor + " is failing (HTTP " + status.get() + "); try again later.",
            retryAfterSeconds);
      }
      return new VendorErrorException(
          "VENDOR_ERROR",
          vendor
              + " failed the exchange"
              + status.map(code -> " (HTTP " + code + ")").orElse("")
              + ".");
    }
    LOG.log(Level.WARNING, "Unexpected failure talking to " + vendor, failure);
    return new VendorErrorException(
        "VENDOR_ERROR", vendor + " failed the exchange; the server log has the details.");
  }

  private static final Pattern STATUS =
      Pattern.compile(
          "(?:status code:?\\s*|HTTP\\s+|status\\s+)(\\d{3})\\b", Pattern.CASE_INSENSITIVE);

  /** The HTTP status an SDK transport message names, if any. */
  static Optional<Integer> httpStatus(String message) {
    Matcher matcher = STATUS.matcher(message);
    return matcher.find() ? Optional.of(Integer.valueOf(matcher.group(1))) : Optional.empty();
  }

  private static boolean timedOut(Throwable failure) {
    return causedBy(failure, TimeoutException.class)
        || causedBy(failure, HttpTimeoutException.class)
        || causedBy(failure, McpTimeoutException.class);
  }

  private static boolean tooLarge(Throwable failure) {
    return causedBy(failure, "MaxSizeExceededException") || saysTooLarge(failure);
  }

  /**
   * The SDK fails the calls still waiting on a session it closes with a plain {@code
   * RuntimeException} (SDK 2.1.0, {@code McpClientSession.dismissPendingResponses}).
   */
  private static boolean sessionEnded(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof McpTransportSessionClosedException
          || "MCP session with server terminated".equals(t.getMessage())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The scope a vendor's {@code 403 insufficient_scope} challenge asks for (step-up authorization):
   * never followed, since a read-only connection must not gain scope.
   */
  private static Optional<String> stepUp(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof McpHttpClientTransportAuthorizationException refused
          && refused.getResponseInfo() != null
          && refused.getResponseInfo().statusCode() == 403) {
        return insufficientScope(refused.getResponseInfo().headers());
      }
      if (t instanceof McpHttpStatusException refused && refused.statusCode() == 403) {
        return insufficientScope(refused.headers());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> insufficientScope(java.net.http.HttpHeaders headers) {
    return headers.allValues("WWW-Authenticate").stream()
        .map(BearerChallenge::parse)
        .flatMap(Optional::stream)
        .filter(challenge -> challenge.error().filter("insufficient_scope"::equals).isPresent())
        .findFirst()
        .map(challenge -> challenge.scope().orElse("unnamed"));
  }

  /**
   * What only the 2026-07-28 client ({@code modern}) throws, mapped to the same problems as the
   * 2025 session's failures: a refused credential, a status, a JSON-RPC error, an unreadable
   * result, a request for input. Time-outs, sizes and malformed JSON are shared above.
   */
  private static final class Stateless {

    static Optional<ProblemException> classify(
        Throwable failure, String vendor, long retryAfterSeconds) {
      for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
        if (t instanceof McpHttpStatusException status) {
          return Optional.of(status(status.statusCode(), vendor, retryAfterSeconds));
        }
        if (t instanceof McpException error && error.error() != null) {
          return Optional.of(
              new VendorErrorException(
                  "VENDOR_ERROR",
                  vendor + " answered with an error: " + sanitise(error.error().message())));
        }
        if (t instanceof McpInvalidResultException) {
          return Optional.of(
              new VendorErrorException(
                  "VENDOR_RESPONSE_MALFORMED",
                  vendor + " sent a reply that is not a valid MCP result."));
        }
        if (t instanceof McpInputHandlerMissingException
            || t instanceof McpInputRoundsExceededException) {
          return Optional.of(
              new VendorErrorException(
                  "VENDOR_ERROR",
                  vendor
                      + " asked for input to finish the call; clariBI answers no vendor's"
                      + " questions, so the call ended there."));
        }
      }
      return Optional.empty();
    }

    private static ProblemException status(int status, String vendor, long retryAfterSeconds) {
      if (status == 401 || status == 403) {
        return new VendorErrorException(
            "VENDOR_AUTHORIZATION_FAILED",
            vendor
                + " refused this connection's credential; the connection may need to be"
                + " authorized again.");
      }
      if (status >= 500) {
        return new VendorUnavailableException(
            vendor + " is failing (HTTP " + status + "); try again later.", retryAfterSeconds);
      }
      return new VendorErrorException(
          "VENDOR_ERROR", vendor + " failed the exchange (HTTP " + status + ").");
    }
  }

  static String sanitise(String message) {
    return VendorText.sanitise(message);
  }

  /** The SDK's transport reports its size limit as a plain message (SDK 2.1.0). */
  private static boolean saysTooLarge(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (String.valueOf(t.getMessage()).contains("exceeds the maximum allowed size")) {
        return true;
      }
    }
    return false;
  }

  private static boolean causedBy(Throwable failure, String simpleName) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getClass().getSimpleName().equals(simpleName)) {
        return true;
      }
    }
    return false;
  }

  private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
