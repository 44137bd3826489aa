package io.claribi.catalog.entity;

import io.claribi.catalog.api.RegisteredClient;
import io.claribi.platform.api.Sha256;
import io.claribi.platform.api.UtcInstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * clariBI's registration with one authorization server. Keyed by a hash of the issuer, which may be
 * longer than an index key may be on Derby.
 */
@Entity
@Table(name = "catalog_oauth_clients")
@NamedQuery(name = OAuthClient.ALL, query = "SELECT c FROM OAuthClient c ORDER BY c.issuer")
public class OAuthClient {

  public static final int MAX_URL = 2048;
  public static final String ALL = "OAuthClient.all";

  @Id
  @Column(name = "issuer_hash", length = 64)
  private String issuerHash;

  @Column(name = "issuer", nullable = false, length = MAX_URL)
  private String issuer;

  @Column(name = "client_id", nullable = false, length = MAX_URL)
  private String clientId;

  @Column(name = "source", nullable = false, length = 20)
  private String source;

  @Column(name = "redirect_uri", length = MAX_URL)
  private String redirectUri;

  @Column(name = "registered_by", nullable = false, length = 255)
  private String registeredBy;

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "registered_at", nullable = false)
  private Instant registeredAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected OAuthClient() {
    // for JPA
  }

  public OAuthClient(RegisteredClient client, String registeredBy, Instant registeredAt) {
    require(client.issuer(), "issuer");
    require(client.clientId(), "clientId");
    client.redirectUri().ifPresent(uri -> require(uri, "redirectUri"));
    this.issuerHash = hash(client.issuer());
    this.issuer = client.issuer();
    this.clientId = client.clientId();
    this.source = client.source();
    this.redirectUri = client.redirectUri().orElse(null);
    this.registeredBy = Objects.requireNonNull(registeredBy, "registeredBy");
    this.registeredAt = Objects.requireNonNull(registeredAt, "registeredAt");
  }

  private static void require(String value, String name) {
    if (value == null || value.isBlank() || value.length() > MAX_URL) {
      throw new IllegalArgumentException(name + " must be 1-" + MAX_URL + " characters");
    }
  }

  /** The key of an issuer's row: SHA-256 of the issuer, lower-case hex. */
  public static String hash(String issuer) {
    return Sha256.hex(issuer);
  }

  /** A pre-registration from the catalog file or an operator replaces what was there. */
  public void replaceWith(RegisteredClient client, String by, Instant at) {
    this.clientId = client.clientId();
    this.source = client.source();
    this.redirectUri = client.redirectUri().orElse(null);
    this.registeredBy = by;
    this.registeredAt = at;
  }

  public String issuer() {
    return issuer;
  }

  public String source() {
    return source;
  }

  public String registeredBy() {
    return registeredBy;
  }

  public Instant registeredAt() {
    return registeredAt;
  }

  public RegisteredClient toClient() {
    return new RegisteredClient(issuer, clientId, source, Optional.ofNullable(redirectUri));
  }
}
