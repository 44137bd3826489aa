package io.claribi.credentials.boundary;

import io.claribi.credentials.control.CredentialSeal.Sealed;
import io.claribi.credentials.control.StoredCredentials;
import io.claribi.platform.api.ConnectionId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Reads a sealed credential in a short transaction of its own (or the caller's), so that {@link
 * CredentialVaultFacade#use} holds no transaction while the vendor call runs.
 */
@ApplicationScoped
public class SealedReads {

  @Inject StoredCredentials credentials;

  @Transactional
  public Optional<Sealed> read(ConnectionId connection) {
    return credentials
        .find(connection)
        .map(row -> new Sealed(row.ciphertext(), row.keyFingerprint()));
  }
}
