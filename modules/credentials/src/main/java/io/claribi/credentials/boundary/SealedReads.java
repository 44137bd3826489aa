package io.claribi.credentials.boundary;

import io.claribi.credentials.api.ClientSecretId;
import io.claribi.credentials.control.CredentialSeal.Sealed;
import io.claribi.credentials.control.StoredCredentials;
import io.claribi.credentials.entity.StoredCredential;
import io.claribi.platform.api.ConnectionId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Reads a sealed credential in a short transaction of its own (or the caller's), so that {@link
 * SealedTokenSets#use} and {@link SealedClientSecrets#use} hold no transaction while the vendor or
 * authorization server call runs.
 */
@ApplicationScoped
public class SealedReads {

  @Inject StoredCredentials credentials;

  @Transactional
  public Optional<Sealed> read(ConnectionId connection) {
    return credentials.find(connection).map(SealedReads::sealed);
  }

  @Transactional
  public Optional<Sealed> read(ClientSecretId secret) {
    return credentials.find(secret).map(SealedReads::sealed);
  }

  @Transactional
  public Optional<Sealed> readTokenToRevoke(ConnectionId connection) {
    return credentials.findTokenToRevoke(connection).map(SealedReads::sealed);
  }

  private static Sealed sealed(StoredCredential row) {
    return new Sealed(row.ciphertext(), row.keyFingerprint());
  }
}
