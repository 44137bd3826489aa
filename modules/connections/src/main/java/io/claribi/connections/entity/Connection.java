package io.claribi.connections.entity;

import io.claribi.connections.api.ConnectionState;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.TenantBinding;
import io.claribi.platform.api.UtcInstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * One organization's data source at one catalog vendor. The vendor is referred to by its catalog
 * slug only; the credential lives in the vault under the same id.
 */
@Entity
@Table(name = "connections")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = TenantBinding.COLUMN, contextProperty = TenantBinding.PROPERTY)
@NamedQuery(
    name = Connection.BY_VENDOR_AND_STATE,
    query =
        "SELECT c FROM Connection c WHERE c.vendor = :vendor AND c.state = :state"
            + " ORDER BY c.createdAt, c.id")
@NamedQuery(
    name = Connection.BY_STATE,
    query =
        "SELECT c FROM Connection c WHERE c.state = :state ORDER BY c.vendor, c.createdAt, c.id")
@NamedQuery(
    name = Connection.ALL,
    query = "SELECT c FROM Connection c ORDER BY c.vendor, c.createdAt, c.id")
@NamedQuery(
    name = Connection.BY_VENDOR,
    query = "SELECT c FROM Connection c WHERE c.vendor = :vendor ORDER BY c.createdAt, c.id")
public class Connection {

  public static final String BY_VENDOR_AND_STATE = "Connection.byVendorAndState";
  public static final String BY_STATE = "Connection.byState";
  public static final String BY_VENDOR = "Connection.byVendor";
  public static final String ALL = "Connection.all";

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "vendor_id", nullable = false, length = 63)
  private String vendor;

  /** Unique among the organization's connections to the vendor; null on rows older than names. */
  @Column(name = "display_name", length = ConnectionName.MAX_LENGTH)
  private String displayName;

  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false, length = 20)
  private ConnectionState state;

  @Column(name = "created_by", nullable = false, length = 255)
  private String createdBy;

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "activated_at")
  private Instant activatedAt;

  @Column(name = "issuer", length = 2048)
  private String issuer;

  @Column(name = "client_id", length = 2048)
  private String clientId;

  @Column(name = "resource", length = 2048)
  private String resource;

  @Column(name = "scopes", length = 2000)
  private String scopes;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Connection() {
    // for JPA
  }

  /** A connection without a name (test fixtures): the console shows the vendor's name. */
  public Connection(ConnectionId id, String vendor, String createdBy, Instant createdAt) {
    this(id, vendor, null, createdBy, createdAt);
  }

  public Connection(
      ConnectionId id, String vendor, ConnectionName name, String createdBy, Instant createdAt) {
    this.displayName = name == null ? null : name.value();
    this.id = Objects.requireNonNull(id, "id").toString();
    this.vendor = Objects.requireNonNull(vendor, "vendor");
    this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.state = ConnectionState.PENDING;
  }

  /** The vendor authorized it and its credential is in the vault. */
  public void activate(Instant at) {
    this.state = ConnectionState.ACTIVE;
    this.activatedAt = Objects.requireNonNull(at, "at");
  }

  /** The vendor authorized it with this grant, which a refresh and a revocation need again. */
  public void activate(Instant at, Grant grant) {
    activate(at);
    this.issuer = grant.issuer();
    this.clientId = grant.clientId();
    this.resource = grant.resource();
    this.scopes = String.join(" ", grant.scopes());
  }

  /**
   * Who granted the connection's tokens and for what: none of it secret. Empty for a connection
   * made without the OAuth flow (test fixtures, rows older than the grant columns).
   */
  public Optional<Grant> grant() {
    if (issuer == null || clientId == null || resource == null) {
      return Optional.empty();
    }
    List<String> granted =
        scopes == null || scopes.isBlank() ? List.of() : List.of(scopes.split(" "));
    return Optional.of(new Grant(issuer, clientId, resource, granted));
  }

  /** The authorization server, the client it granted to, the resource indicator and scopes. */
  public record Grant(String issuer, String clientId, String resource, List<String> scopes) {
    public Grant {
      Objects.requireNonNull(issuer, "issuer");
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(resource, "resource");
      scopes = List.copyOf(scopes);
    }
  }

  public void requireReauthorization() {
    this.state = ConnectionState.NEEDS_REAUTH;
  }

  public ConnectionId id() {
    return new ConnectionId(UUID.fromString(id));
  }

  public String vendor() {
    return vendor;
  }

  /** Empty for a connection made before connections had names. */
  public Optional<String> displayName() {
    return Optional.ofNullable(displayName);
  }

  public ConnectionState state() {
    return state;
  }

  public boolean isActive() {
    return state == ConnectionState.ACTIVE;
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant activatedAt() {
    return activatedAt;
  }

  @Override
  public String toString() {
    return "Connection[" + id + ", " + vendor + ", " + state + "]";
  }
}
