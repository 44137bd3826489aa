package io.claribi.connections.boundary;

import io.claribi.credentials.api.InvalidCredentialCiphertextException;
import io.claribi.platform.api.ConnectionId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * A connection whose stored credential cannot be decrypted with any key (409 {@code
 * CREDENTIAL_CIPHERTEXT_INVALID}) is marked {@code NEEDS_REAUTH}, audited as {@code
 * CONNECTION_REAUTH_REQUIRED} with that code as the reason, exactly like a grant the vendor
 * refused: no retry can cure it, so the admin is told to connect again instead of meeting the same
 * 409 on every call. A credential whose key left the ring ({@code CREDENTIAL_KEY_REMOVED}) is not
 * marked: putting the key back cures it (docs/security.md).
 *
 * <p>Called once the failed exchange's transaction has ended: inside it, the call fence's shared
 * lock on the connection row would block the very update that marks it.
 */
@ApplicationScoped
public class CredentialLoss {

  private static final Logger LOG = Logger.getLogger(CredentialLoss.class.getName());

  @Inject RefreshTransactions records;

  void undecryptable(ConnectionId connection, InvalidCredentialCiphertextException failure) {
    try {
      records.requireReauthorization(connection, failure.code());
    } catch (RuntimeException failed) {
      // The caller still gets its 409; the next use tries again to mark the connection.
      LOG.warning(
          () ->
              "Connection "
                  + connection
                  + " has an undecryptable credential but could not be marked NEEDS_REAUTH: "
                  + failed.getClass().getSimpleName());
    }
  }
}
