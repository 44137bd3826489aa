package io.claribi.credentials.api;

/** The credential was sealed with a key that is no longer in the key ring. */
public class CredentialKeyRemovedException extends CredentialUnavailableException {

  private static final long serialVersionUID = 1L;

  public CredentialKeyRemovedException(String fingerprint) {
    super(
        "CREDENTIAL_KEY_REMOVED",
        "The credential was encrypted with key "
            + fingerprint
            + ", which is no longer in the key ring; the connection must be authorised again.");
  }
}
