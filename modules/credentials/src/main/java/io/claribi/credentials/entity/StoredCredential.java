package io.claribi.credentials.entity;

import io.claribi.platform.api.TenantBinding;
import io.claribi.platform.api.UtcInstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * One connection's token set, sealed: a Fernet token and the fingerprint of the key that made it.
 * Nothing in this row is readable without that key.
 */
@Entity
@Table(name = "credentials")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = TenantBinding.COLUMN, contextProperty = TenantBinding.PROPERTY)
public class StoredCredential {

  @Id
  @Column(name = "connection_id", length = 36)
  private String connectionId;

  @Lob
  @Column(name = "ciphertext", nullable = false)
  private String ciphertext;

  @Column(name = "key_fingerprint", nullable = false, length = 16)
  private String keyFingerprint;

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "sealed_at", nullable = false)
  private Instant sealedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected StoredCredential() {
    // for JPA
  }

  public StoredCredential(String connectionId) {
    this.connectionId = Objects.requireNonNull(connectionId, "connectionId");
  }

  /** Replaces the sealed token set, for example after a refresh. */
  public void seal(String ciphertext, String keyFingerprint, Instant sealedAt) {
    this.ciphertext = Objects.requireNonNull(ciphertext, "ciphertext");
    this.keyFingerprint = Objects.requireNonNull(keyFingerprint, "keyFingerprint");
    this.sealedAt = Objects.requireNonNull(sealedAt, "sealedAt");
  }

  public String connectionId() {
    return connectionId;
  }

  public String ciphertext() {
    return ciphertext;
  }

  public String keyFingerprint() {
    return keyFingerprint;
  }

  public Instant sealedAt() {
    return sealedAt;
  }

  @Override
  public String toString() {
    return "StoredCredential[" + connectionId + ", key " + keyFingerprint + "]";
  }
}
