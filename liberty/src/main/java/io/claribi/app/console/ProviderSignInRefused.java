package io.claribi.app.console;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a sign-in with the identity provider ended without a session. The code travels to the sign-in
 * page in its query ({@code ?refused=no-organization}) and the page shows the fixed text: nothing
 * the provider or the browser sent is echoed.
 */
final class ProviderSignInRefused extends Exception {

  private static final long serialVersionUID = 1L;

  enum Reason {
    STATE(
        "state",
        "This sign-in could not be matched to one this browser started (it may have been started"
            + " in another tab, taken too long, or been used already). Sign in again."),
    DENIED("denied", "The identity provider did not sign you in."),
    INVALID_TOKEN(
        "invalid-token",
        "The identity provider's answer did not pass the console's checks, so you were not"
            + " signed in. Your administrator finds the reason in the server log."),
    NO_ORGANIZATION(
        "no-organization",
        "Your account at the identity provider names no organization of this console. Ask your"
            + " administrator to add you to one."),
    NO_ROLE(
        "no-role",
        "Your account at the identity provider has no console role (organization admin or"
            + " platform operator). Ask your administrator for one."),
    UNAVAILABLE(
        "unavailable", "The identity provider could not be reached. Try again in a few minutes."),
    NOT_CONFIGURED(
        "not-configured",
        "Signing in with the identity provider is not set up correctly on this server. Your"
            + " administrator finds the reason in the server log.");

    final String code;
    final String message;

    Reason(String code, String message) {
      this.code = code;
      this.message = message;
    }

    static Optional<Reason> byCode(String code) {
      return Arrays.stream(values()).filter(reason -> reason.code.equals(code)).findFirst();
    }
  }

  final Reason reason;

  /**
   * @param detail for the server log only: it may carry what the provider said
   */
  ProviderSignInRefused(Reason reason, String detail) {
    super(detail);
    this.reason = reason;
  }

  ProviderSignInRefused(Reason reason, String detail, Throwable cause) {
    super(detail, cause);
    this.reason = reason;
  }
}
