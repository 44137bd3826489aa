package io.claribi.platform.api;

import java.util.Collection;
import java.util.Optional;

/**
 * The rule for every name that identifies a person and may become an actor in a record: the token's
 * {@code sub}, {@code upn}, {@code preferred_username} and {@code groups}, and a console sign-in
 * name. Such a name is 1-{@value #MAX_LENGTH} characters (the audit trail's actor column), has no
 * control character (a NUL cannot be stored by PostgreSQL and would make the record unwritable) and
 * no unpaired surrogate (it has no UTF-8 form). A token that breaks it is refused with 401 {@code
 * TOKEN_CLAIM_INVALID} before anything runs, so nothing is recorded for it.
 */
public final class IdentityClaims {

  public static final int MAX_LENGTH = 255;
  public static final String INVALID_CODE = "TOKEN_CLAIM_INVALID";

  private IdentityClaims() {}

  public static boolean isAcceptable(String name) {
    if (name == null || name.isEmpty() || name.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        return false;
      }
      if (Character.isSurrogate(c)) {
        boolean paired =
            Character.isHighSurrogate(c)
                && i + 1 < name.length()
                && Character.isLowSurrogate(name.charAt(i + 1));
        if (!paired) {
          return false;
        }
        i++;
      }
    }
    return true;
  }

  /** The first claim that breaks the rule, by name; a claim that is absent breaks nothing. */
  public static Optional<String> firstInvalid(
      String subject, String upn, String preferredUsername, Collection<String> groups) {
    if (subject != null && !isAcceptable(subject)) {
      return Optional.of("sub");
    }
    if (upn != null && !isAcceptable(upn)) {
      return Optional.of("upn");
    }
    if (preferredUsername != null && !isAcceptable(preferredUsername)) {
      return Optional.of("preferred_username");
    }
    if (groups != null && !groups.stream().allMatch(IdentityClaims::isAcceptable)) {
      return Optional.of("groups");
    }
    return Optional.empty();
  }

  public static ProblemException invalid(String claim) {
    return new ProblemException(
        401,
        INVALID_CODE,
        "Invalid identity claim",
        "The '"
            + claim
            + "' claim of the bearer token must be 1-"
            + MAX_LENGTH
            + " characters without control characters.");
  }
}
