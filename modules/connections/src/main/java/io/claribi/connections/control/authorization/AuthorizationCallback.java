package io.claribi.connections.control.authorization;

import static io.claribi.connections.control.authorization.AuthorizationException.Reason.VENDOR_AUTHORIZATION_DENIED;
import static io.claribi.connections.control.authorization.AuthorizationException.Reason.VENDOR_ISSUER_MISMATCH;

import io.claribi.connections.api.VendorText;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The second leg, as the admin's browser brings it back: the vendor's answer is an authorization
 * code or an error. The {@code iss} parameter (RFC 9207) must name the issuer the attempt was
 * started with; a server that promises {@code iss} must send it. The {@code state} has already
 * found the attempt (and was spent) before this runs.
 */
public final class AuthorizationCallback {

  private AuthorizationCallback() {}

  /**
   * @return the authorization code
   * @throws AuthorizationException {@code VENDOR_AUTHORIZATION_DENIED} for an error answer, {@code
   *     VENDOR_ISSUER_MISMATCH} for an {@code iss} from another server
   */
  public static String code(
      Map<String, List<String>> parameters, String expectedIssuer, boolean issRequired) {
    Optional<String> iss = single(parameters, "iss");
    if (iss.isPresent() && !iss.get().equals(expectedIssuer)) {
      throw new AuthorizationException(
          VENDOR_ISSUER_MISMATCH,
          "The answer names the authorization server "
              + VendorText.sanitise(iss.get())
              + ", but the consent was asked of "
              + expectedIssuer
              + ".");
    }
    Optional<String> error = single(parameters, "error");
    if (error.isPresent() && AuthorizationException.namesUnknownClient(error.get())) {
      throw AuthorizationException.clientUnknown(expectedIssuer, error.get());
    }
    if (error.isPresent()) {
      String description =
          single(parameters, "error_description")
              .map(d -> ": " + VendorText.sanitise(d))
              .orElse("");
      throw new AuthorizationException(
          VENDOR_AUTHORIZATION_DENIED,
          "The authorization server answered " + VendorText.sanitise(error.get()) + description);
    }
    if (iss.isEmpty() && issRequired) {
      throw new AuthorizationException(
          VENDOR_ISSUER_MISMATCH,
          "The authorization server "
              + expectedIssuer
              + " promises an iss parameter (RFC 9207) and sent none.");
    }
    return single(parameters, "code")
        .filter(code -> !code.isBlank())
        .orElseThrow(
            () ->
                new AuthorizationException(
                    VENDOR_AUTHORIZATION_DENIED,
                    "The authorization server sent neither a code nor an error."));
  }

  private static Optional<String> single(Map<String, List<String>> parameters, String name) {
    List<String> values = parameters.get(name);
    if (values == null || values.isEmpty()) {
      return Optional.empty();
    }
    if (values.size() > 1) {
      throw new AuthorizationException(
          VENDOR_AUTHORIZATION_DENIED, "The answer repeats the parameter " + name + ".");
    }
    return Optional.of(values.get(0));
  }
}
