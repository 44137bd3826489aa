package io.claribi.credentials.control;

import io.claribi.credentials.api.ClientSecret;
import io.claribi.credentials.api.ClientSecretId;
import io.claribi.credentials.api.CredentialKeyRemovedException;
import io.claribi.credentials.api.TokenSet;
import io.claribi.credentials.api.TokenToRevoke;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.OrganizationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * The one class that turns token sets into ciphertext and back, with the live key ring: the newest
 * key seals, the key named by the stored fingerprint opens.
 */
@ApplicationScoped
public class CredentialSeal {

  /** A sealed token set and the fingerprint of the key that sealed it. */
  public record Sealed(String ciphertext, String keyFingerprint) {
    @Override
    public String toString() {
      return "Sealed[key " + keyFingerprint + "]";
    }
  }

  private KeyRingSource keys;
  private Clock clock;
  private Fernet fernet;

  protected CredentialSeal() {
    // for the CDI proxy
  }

  @Inject
  public CredentialSeal(KeyRingSource keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
    this.fernet = new Fernet(new SecureRandom());
  }

  public Sealed seal(OrganizationId organization, ConnectionId connection, TokenSet tokens) {
    return sealAndClear(TokenSetCodec.encode(organization, connection, tokens));
  }

  /**
   * @throws CredentialKeyRemovedException if the sealing key has left the ring
   * @throws io.claribi.credentials.api.InvalidCredentialCiphertextException if it does not open
   */
  public TokenSet open(OrganizationId organization, ConnectionId connection, Sealed sealed) {
    return TokenSetCodec.decode(plaintextOf(sealed), organization, connection);
  }

  /** Seals an organization's client secret for its row ({@link ClientSecretRow}). */
  public Sealed seal(OrganizationId organization, ClientSecret secret) {
    return sealAndClear(ClientSecretCodec.encode(organization, secret));
  }

  /**
   * @throws CredentialKeyRemovedException if the sealing key has left the ring
   * @throws io.claribi.credentials.api.InvalidCredentialCiphertextException if it does not open
   */
  public ClientSecret openClientSecret(
      OrganizationId organization, ClientSecretId secret, Sealed sealed) {
    return ClientSecretCodec.decode(plaintextOf(sealed), organization, secret);
  }

  /** Seals a deleted connection's token to revoke for its row ({@link RevocationRow}). */
  public Sealed seal(OrganizationId organization, ConnectionId connection, TokenToRevoke token) {
    return sealAndClear(RevocationCodec.encode(organization, connection, token));
  }

  /**
   * @throws CredentialKeyRemovedException if the sealing key has left the ring
   * @throws io.claribi.credentials.api.InvalidCredentialCiphertextException if it does not open
   */
  public TokenToRevoke openTokenToRevoke(
      OrganizationId organization, ConnectionId connection, Sealed sealed) {
    return RevocationCodec.decode(plaintextOf(sealed), organization, connection);
  }

  /** Seals a plaintext with the newest key and clears it. */
  private Sealed sealAndClear(byte[] plaintext) {
    FernetKey key = keys.current().primary();
    try {
      return new Sealed(fernet.encrypt(key, plaintext, clock.instant()), key.fingerprint());
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  /** The plaintext under the key the stored fingerprint names; the codec reads and clears it. */
  private byte[] plaintextOf(Sealed sealed) {
    FernetKey key =
        keys.current()
            .byFingerprint(sealed.keyFingerprint())
            .orElseThrow(() -> new CredentialKeyRemovedException(sealed.keyFingerprint()));
    return fernet.decrypt(key, sealed.ciphertext());
  }

  /**
   * Moves one sealed token set to the newest key; the plaintext lives only inside this call.
   *
   * @return the same ciphertext if it is already under the newest key
   */
  public Sealed reseal(Sealed sealed) {
    KeyRing ring = keys.current();
    FernetKey primary = ring.primary();
    if (primary.fingerprint().equals(sealed.keyFingerprint())) {
      return sealed;
    }
    FernetKey old =
        ring.byFingerprint(sealed.keyFingerprint())
            .orElseThrow(() -> new CredentialKeyRemovedException(sealed.keyFingerprint()));
    byte[] plaintext = fernet.decrypt(old, sealed.ciphertext());
    try {
      return new Sealed(fernet.encrypt(primary, plaintext, clock.instant()), primary.fingerprint());
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  /** The fingerprints of the live ring, newest first. */
  public List<String> fingerprints() {
    return keys.current().fingerprints();
  }

  /** Where the live ring was read from: KEY_FILE, ENVIRONMENT or DEVELOPMENT_KEY_FILE. */
  public String keySource() {
    return keys.kind().name();
  }
}
