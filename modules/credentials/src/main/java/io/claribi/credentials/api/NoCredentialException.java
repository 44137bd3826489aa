package io.claribi.credentials.api;

import io.claribi.platform.api.ConnectionId;

/** No credential is stored for the connection in the caller's organization. */
public class NoCredentialException extends CredentialUnavailableException {

  private static final long serialVersionUID = 1L;

  public NoCredentialException(ConnectionId connection) {
    super("CREDENTIAL_MISSING", "No credential is stored for connection " + connection + ".");
  }
}
