package io.claribi.credentials.boundary;

import io.claribi.credentials.api.ClientSecret;
import io.claribi.credentials.api.ClientSecretId;
import io.claribi.credentials.api.ClientSecretVault;
import io.claribi.credentials.api.InvalidCredentialCiphertextException;
import io.claribi.credentials.api.LentClientSecret;
import io.claribi.credentials.control.ClientSecretRow;
import io.claribi.credentials.control.CredentialSeal;
import io.claribi.credentials.control.CredentialSeal.Sealed;
import io.claribi.credentials.control.StoredCredentials;
import io.claribi.credentials.entity.StoredCredential;
import io.claribi.platform.api.TenantBinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * The client secrets of the caller's organization's confidential registrations, sealed: one per
 * authorization server, kept when the server registers the client and lent for one token or
 * revocation request. They share the token sets' table and keys ({@link ClientSecretRow}), so key
 * rotation re-encrypts them with the token sets.
 */
@ApplicationScoped
public class SealedClientSecrets implements ClientSecretVault {

  @Inject StoredCredentials credentials;
  @Inject SealedReads reads;
  @Inject CredentialSeal seal;
  @Inject TenantBinding tenancy;
  @Inject Clock clock;

  @Override
  @Transactional
  public void keep(ClientSecret secret) {
    Sealed sealed = seal.seal(tenancy.organization(), secret);
    Optional<StoredCredential> existing = credentials.find(secret.id());
    StoredCredential stored =
        existing.orElseGet(() -> new StoredCredential(ClientSecretRow.of(secret.id())));
    stored.seal(sealed.ciphertext(), sealed.keyFingerprint(), clock.instant());
    if (existing.isEmpty()) {
      credentials.add(stored);
    }
  }

  @Override
  public <T> Optional<T> use(ClientSecretId id, Function<LentClientSecret, T> use) {
    Optional<Sealed> sealed = reads.read(id);
    if (sealed.isEmpty()) {
      return Optional.empty();
    }
    ClientSecret secret = seal.openClientSecret(tenancy.organization(), id, sealed.get());
    if (!secret.issuer().equals(id.issuer())) {
      throw new InvalidCredentialCiphertextException("it was sealed for another issuer");
    }
    try (LentSecret lent = new LentSecret(secret)) {
      return Optional.ofNullable(use.apply(lent));
    }
  }

  /** The client secret as one callback sees it; withdrawn when the callback returns. */
  private static final class LentSecret implements LentClientSecret, AutoCloseable {

    private volatile ClientSecret secret;

    LentSecret(ClientSecret secret) {
      this.secret = secret;
    }

    private ClientSecret lent() {
      ClientSecret current = secret;
      if (current == null) {
        throw new IllegalStateException(
            "A client secret is usable only inside the callback that borrowed it.");
      }
      return current;
    }

    @Override
    public String clientId() {
      return lent().clientId();
    }

    @Override
    public String authMethod() {
      return lent().authMethod();
    }

    @Override
    public String secret() {
      return lent().secret();
    }

    @Override
    public void close() {
      secret = null;
    }

    @Override
    public String toString() {
      return secret == null ? "ClientSecret[withdrawn]" : secret.toString();
    }
  }
}
