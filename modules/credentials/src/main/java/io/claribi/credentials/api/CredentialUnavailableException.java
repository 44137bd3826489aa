package io.claribi.credentials.api;

import io.claribi.platform.api.ProblemException;

/**
 * A connection's credential cannot be used: there is none, its key has been removed from the ring,
 * or its ciphertext does not open. In each case the connection needs to be authorised again; a
 * request that meets one gets a 409 problem, never a crash.
 */
public class CredentialUnavailableException extends ProblemException {

  private static final long serialVersionUID = 1L;

  protected CredentialUnavailableException(String code, String detail) {
    super(409, code, "Credential unavailable", detail);
  }
}
