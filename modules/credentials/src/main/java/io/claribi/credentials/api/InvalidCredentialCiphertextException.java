package io.claribi.credentials.api;

/**
 * A stored credential could not be opened: the ciphertext is malformed, truncated, tampered with,
 * too large, or was sealed for another connection.
 *
 * <p>Every way a ciphertext can be wrong ends here and nowhere else, so callers handle one error.
 * The message names the reason, never any part of the ciphertext or key.
 */
public class InvalidCredentialCiphertextException extends CredentialUnavailableException {

  private static final long serialVersionUID = 1L;

  public static final String CODE = "CREDENTIAL_CIPHERTEXT_INVALID";

  public InvalidCredentialCiphertextException(String reason) {
    super(CODE, "Invalid credential ciphertext: " + reason + ".");
  }
}
