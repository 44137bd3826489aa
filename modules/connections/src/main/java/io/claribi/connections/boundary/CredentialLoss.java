package io.claribi.connections.boundary;

import io.claribi.credentials.api.CredentialUnreadable;
import io.claribi.credentials.api.InvalidCredentialCiphertextException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * A connection whose stored credential cannot be decrypted with any key (409 {@code
 * CREDENTIAL_CIPHERTEXT_INVALID}) is marked {@code NEEDS_REAUTH}, audited as {@code
 * CONNECTION_REAUTH_REQUIRED} with that code as the reason, exactly like a grant the vendor
 * refused: no retry can cure it, so the admin is told to connect again instead of meeting the same
 * 409 on every call. A credential whose key left the ring ({@code CREDENTIAL_KEY_REMOVED}) is not
 * marked: putting the key back cures it (docs/security.md).
 */
@ApplicationScoped
public class CredentialLoss {

  private static final Logger LOG = Logger.getLogger(CredentialLoss.class.getName());

  @Inject RefreshRecords records;

  void unreadable(@Observes CredentialUnreadable unreadable) {
    if (!InvalidCredentialCiphertextException.CODE.equals(unreadable.code())) {
      return;
    }
    try {
      records.requireReauthorization(unreadable.connection(), unreadable.code());
    } catch (RuntimeException failed) {
      // The caller still gets its 409; the next use tries again to mark the connection.
      LOG.warning(
          () ->
              "Connection "
                  + unreadable.connection()
                  + " has an undecryptable credential but could not be marked NEEDS_REAUTH: "
                  + failed.getClass().getSimpleName());
    }
  }
}
