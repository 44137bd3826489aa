package io.claribi.credentials.boundary;

import io.claribi.credentials.api.Credential;
import io.claribi.credentials.api.CredentialInfo;
import io.claribi.credentials.api.CredentialUnavailableException;
import io.claribi.credentials.api.CredentialUnreadable;
import io.claribi.credentials.api.CredentialUse;
import io.claribi.credentials.api.CredentialVault;
import io.claribi.credentials.api.NoCredentialException;
import io.claribi.credentials.api.TokenSet;
import io.claribi.credentials.control.CredentialSeal;
import io.claribi.credentials.control.CredentialSeal.Sealed;
import io.claribi.credentials.control.StoredCredentials;
import io.claribi.credentials.entity.StoredCredential;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.OrganizationId;
import io.claribi.platform.api.TenantBinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The token sets of the caller's organization's connections, sealed: stored on connect, lent for a
 * call, replaced on refresh, deleted on disconnect. Client secrets are {@link SealedClientSecrets}.
 */
@ApplicationScoped
public class SealedTokenSets implements CredentialVault {

  private static final Logger LOG = Logger.getLogger(SealedTokenSets.class.getName());

  @Inject StoredCredentials credentials;
  @Inject SealedReads reads;
  @Inject CredentialSeal seal;
  @Inject TenantBinding tenancy;
  @Inject Clock clock;
  @Inject Event<CredentialUnreadable> unreadable;

  @Override
  @Transactional
  public void store(ConnectionId connection, TokenSet tokens) {
    Sealed sealed = seal.seal(tenancy.organization(), connection, tokens);
    Optional<StoredCredential> existing = credentials.find(connection);
    StoredCredential row = existing.orElseGet(() -> new StoredCredential(connection.toString()));
    row.seal(sealed.ciphertext(), sealed.keyFingerprint(), clock.instant());
    if (existing.isEmpty()) {
      credentials.add(row);
    }
  }

  @Override
  public <T, X extends Exception> T use(ConnectionId connection, CredentialUse<T, X> use) throws X {
    OrganizationId organization = tenancy.organization();
    Sealed sealed = reads.read(connection).orElseThrow(() -> new NoCredentialException(connection));
    TokenSet tokens = open(organization, connection, sealed);
    try (LentCredential lent = new LentCredential(tokens)) {
      return use.apply(lent);
    }
  }

  /** Opens a sealed token set; one that does not open is reported before the caller's 409. */
  private TokenSet open(OrganizationId organization, ConnectionId connection, Sealed sealed) {
    try {
      return seal.open(organization, connection, sealed);
    } catch (CredentialUnavailableException e) {
      LOG.warning(
          () ->
              "Credential of connection "
                  + connection
                  + " in "
                  + organization
                  + " cannot be opened ("
                  + e.code()
                  + ", key "
                  + sealed.keyFingerprint()
                  + "): it needs re-authorisation");
      unreadable.fire(
          new CredentialUnreadable(organization, connection, e.code(), sealed.keyFingerprint()));
      throw e;
    }
  }

  @Override
  @Transactional
  public boolean renew(
      ConnectionId connection,
      Instant freshUntil,
      CredentialUse<TokenSet, RuntimeException> renewal) {
    OrganizationId organization = tenancy.organization();
    StoredCredential row =
        credentials.lock(connection).orElseThrow(() -> new NoCredentialException(connection));
    TokenSet current =
        open(organization, connection, new Sealed(row.ciphertext(), row.keyFingerprint()));
    if (current.expiresAt().map(expiry -> expiry.isAfter(freshUntil)).orElse(true)) {
      return false;
    }
    TokenSet renewed;
    try (LentCredential lent = new LentCredential(current)) {
      renewed = renewal.apply(lent);
    }
    Sealed sealed = seal.seal(organization, connection, renewed);
    row.seal(sealed.ciphertext(), sealed.keyFingerprint(), clock.instant());
    return true;
  }

  @Override
  @Transactional(TxType.MANDATORY)
  public boolean delete(ConnectionId connection) {
    return credentials.delete(connection);
  }

  @Override
  @Transactional
  public Optional<CredentialInfo> describe(ConnectionId connection) {
    return credentials
        .find(connection)
        .map(row -> new CredentialInfo(connection, row.keyFingerprint(), row.sealedAt()));
  }

  /** The credential as one callback sees it; withdrawn when the callback returns. */
  private static final class LentCredential implements Credential, AutoCloseable {

    private volatile TokenSet tokens;

    LentCredential(TokenSet tokens) {
      this.tokens = tokens;
    }

    private TokenSet tokens() {
      TokenSet current = tokens;
      if (current == null) {
        throw new IllegalStateException(
            "A credential is usable only inside the CredentialVault.use callback that lent it.");
      }
      return current;
    }

    @Override
    public String accessToken() {
      return tokens().accessToken();
    }

    @Override
    public Optional<String> refreshToken() {
      return tokens().refreshToken();
    }

    @Override
    public Optional<Instant> expiresAt() {
      return tokens().expiresAt();
    }

    @Override
    public java.util.Set<String> scopes() {
      return tokens().scopes();
    }

    @Override
    public String tokenType() {
      return tokens().tokenType();
    }

    @Override
    public void close() {
      tokens = null;
    }

    @Override
    public String toString() {
      return tokens == null ? "Credential[withdrawn]" : "Credential[" + tokens + "]";
    }
  }
}
