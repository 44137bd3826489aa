package io.claribi.credentials.boundary;

import io.claribi.credentials.api.RevocationVault;
import io.claribi.credentials.api.TokenToRevoke;
import io.claribi.credentials.control.CredentialSeal;
import io.claribi.credentials.control.CredentialSeal.Sealed;
import io.claribi.credentials.control.RevocationRow;
import io.claribi.credentials.control.StoredCredentials;
import io.claribi.credentials.entity.StoredCredential;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.TenantBinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * The tokens of the caller's organization's deleted connections that await revocation, sealed in
 * the token sets' table and keys ({@link RevocationRow}), so key rotation re-encrypts them too.
 */
@ApplicationScoped
public class SealedRevocations implements RevocationVault {

  @Inject StoredCredentials credentials;
  @Inject SealedReads reads;
  @Inject CredentialSeal seal;
  @Inject TenantBinding tenancy;
  @Inject Clock clock;

  @Override
  @Transactional(TxType.MANDATORY)
  public void keep(ConnectionId connection, TokenToRevoke token) {
    Sealed sealed = seal.seal(tenancy.organization(), connection, token);
    StoredCredential stored = new StoredCredential(RevocationRow.of(connection));
    stored.seal(sealed.ciphertext(), sealed.keyFingerprint(), clock.instant());
    credentials.add(stored);
  }

  @Override
  public <T> Optional<T> use(ConnectionId connection, Function<TokenToRevoke, T> use) {
    Optional<Sealed> sealed = reads.readTokenToRevoke(connection);
    if (sealed.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        use.apply(seal.openTokenToRevoke(tenancy.organization(), connection, sealed.get())));
  }

  @Override
  public boolean opensHere(ConnectionId connection) {
    return reads
        .readTokenToRevoke(connection)
        .map(stored -> seal.fingerprints().contains(stored.keyFingerprint()))
        .orElse(true);
  }

  @Override
  @Transactional(TxType.MANDATORY)
  public boolean forget(ConnectionId connection) {
    return credentials.deleteTokenToRevoke(connection);
  }
}
