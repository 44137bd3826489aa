package io.claribi.gateway.control.nativeapi;

import io.claribi.connections.api.VendorText;
import io.claribi.gateway.api.VendorErrorException;
import io.claribi.gateway.api.VendorRateLimitedException;
import io.claribi.gateway.api.VendorUnavailableException;
import io.claribi.platform.api.ProblemException;
import java.net.http.HttpHeaders;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a vendor's error reply into the gateway's documented problems, with the vendor's own
 * message (sanitised, and with the access token cut out should a vendor ever echo it).
 */
final class NativeFailures {

  /** Graph API error codes that mean "throttled", whatever the HTTP status. */
  private static final Set<Integer> GRAPH_THROTTLING = Set.of(4, 17, 32, 613, 80000, 80004);

  /** Graph API error code for an expired or revoked access token. */
  private static final int GRAPH_TOKEN_INVALID = 190;

  private NativeFailures() {}

  static ProblemException of(
      String vendor, int status, HttpHeaders headers, String body, String token, NativeLimits l) {
    JsonNode error = errorObject(body);
    String message = redact(VendorText.sanitise(message(error)), token);
    int graphCode = error.path("code").asInt(0);
    if (status == 429 || GRAPH_THROTTLING.contains(graphCode)) {
      return new VendorRateLimitedException(
          vendor + " is throttling this connection (" + message + "); try again later.",
          retryAfter(headers, l.retryAfterSeconds()));
    }
    if (status == 401 || graphCode == GRAPH_TOKEN_INVALID) {
      return new VendorErrorException(
          "VENDOR_AUTHORIZATION_FAILED",
          vendor
              + " refused this connection's credential ("
              + message
              + "); the connection may need to be authorized again.");
    }
    if (status == 403) {
      return new VendorErrorException(
          "VENDOR_ACCESS_DENIED",
          vendor
              + " refused access ("
              + message
              + "); the account that authorized the connection may lack permission for it.");
    }
    if (status == 404) {
      return new VendorErrorException(
          "VENDOR_NOT_FOUND", vendor + " has no such resource, or does not show it: " + message);
    }
    if (status >= 500) {
      return new VendorUnavailableException(
          vendor + " is failing (HTTP " + status + "); try again later.", l.retryAfterSeconds());
    }
    if (status >= 300 && status < 400) {
      return new VendorErrorException(
          "VENDOR_REDIRECT_REFUSED", vendor + " answered with a redirect, not followed.");
    }
    return new VendorErrorException(
        "VENDOR_ERROR", vendor + " refused the request (HTTP " + status + "): " + message);
  }

  /**
   * The error object: Google's and Graph API's {@code {"error":{...}}}, or the whole body for
   * Atlassian's {@code {"errorMessages":[...]}} and {@code {"code":..,"message":..}}.
   */
  private static JsonNode errorObject(String body) {
    try {
      JsonNode root = JsonMapper.shared().readTree(body);
      return root.path("error").isObject() ? root.path("error") : root;
    } catch (JacksonException | IllegalArgumentException e) {
      return JsonMapper.shared().createObjectNode();
    }
  }

  private static String message(JsonNode error) {
    if (error.path("message").isString()) {
      return error.path("message").asString();
    }
    if (error.path("errorMessages").path(0).isString()) {
      return error.path("errorMessages").path(0).asString();
    }
    if (error.path("error").isString()) {
      return error.path("error").asString();
    }
    return "no message";
  }

  private static String redact(String message, String token) {
    return token.length() < 4 ? message : message.replace(token, "[redacted]");
  }

  /** The vendor's {@code Retry-After} in seconds when it sent one; otherwise ours. */
  private static long retryAfter(HttpHeaders headers, long fallback) {
    return headers
        .firstValue("Retry-After")
        .filter(value -> value.matches("[0-9]{1,6}"))
        .map(Long::parseLong)
        .filter(seconds -> seconds > 0)
        .orElse(fallback);
  }
}
