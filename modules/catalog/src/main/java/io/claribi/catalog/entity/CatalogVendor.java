package io.claribi.catalog.entity;

import io.claribi.catalog.api.Vendor;
import io.claribi.catalog.api.VendorId;
import io.claribi.catalog.api.VendorKind;
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
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A vendor of the catalog, global to all organizations. Its last change (who, when, why, from which
 * source) is kept on the row; every change is also appended to {@link VendorChange}.
 */
@Entity
@Table(name = "catalog_vendors")
@NamedQuery(
    name = CatalogVendor.BY_STATE,
    query = "SELECT v FROM CatalogVendor v WHERE v.state = :state ORDER BY v.id")
@NamedQuery(name = CatalogVendor.ALL, query = "SELECT v FROM CatalogVendor v ORDER BY v.id")
public class CatalogVendor {

  public static final String BY_STATE = "CatalogVendor.byState";
  public static final String ALL = "CatalogVendor.all";

  @Id
  @Column(name = "id", length = 63)
  private String id;

  @Column(name = "display_name", nullable = false, length = 200)
  private String displayName;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, length = 20)
  private VendorKind kind;

  @Column(name = "server_url", nullable = false, length = 2048)
  private String serverUrl;

  /** Space-separated, as OAuth writes scopes. */
  @Column(name = "read_scopes", nullable = false, length = 2000)
  private String readScopes;

  @Column(name = "data_domains", nullable = false, length = 500)
  private String dataDomains;

  @Column(name = "resources_enabled", nullable = false)
  private boolean resourcesEnabled;

  /** A native connector's issuer; NULL for MCP vendors, whose servers name theirs. */
  @Column(name = "authorization_server", length = 2048)
  private String authorizationServer;

  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false, length = 10)
  private VendorState state;

  @Enumerated(EnumType.STRING)
  @Column(name = "source", nullable = false, length = 20)
  private VendorSource source;

  @Column(name = "file_version")
  private Integer fileVersion;

  @Column(name = "changed_by", nullable = false, length = 255)
  private String changedBy;

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  @Column(name = "change_reason", nullable = false, length = 500)
  private String changeReason;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected CatalogVendor() {
    // for JPA
  }

  public CatalogVendor(VendorId id, VendorSpec spec, Change change) {
    this.id = Objects.requireNonNull(id, "id").value();
    this.state = VendorState.ACTIVE;
    apply(spec, change);
  }

  /** Who changed a vendor, when, why, and through what. */
  public record Change(
      VendorSource source, Integer fileVersion, String by, Instant at, String why) {

    public Change {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(by, "by");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(why, "why");
    }
  }

  /** Replaces what the vendor says; a retired vendor comes back only through an explicit edit. */
  public void apply(VendorSpec spec, Change change) {
    this.displayName = spec.displayName();
    this.kind = spec.kind();
    this.serverUrl = spec.serverUrl();
    this.readScopes = String.join(" ", spec.readScopes());
    this.dataDomains = String.join(" ", spec.dataDomains());
    this.resourcesEnabled = spec.resourcesEnabled();
    this.authorizationServer = spec.authorizationServer();
    record(change);
  }

  public void reactivate(Change change) {
    this.state = VendorState.ACTIVE;
    record(change);
  }

  public void retire(Change change) {
    this.state = VendorState.RETIRED;
    record(change);
  }

  private void record(Change change) {
    this.source = change.source();
    this.fileVersion = change.fileVersion();
    this.changedBy = change.by();
    this.changedAt = change.at();
    this.changeReason = change.why();
  }

  public VendorId id() {
    return new VendorId(id);
  }

  public VendorSpec spec() {
    return new VendorSpec(
        displayName,
        kind,
        serverUrl,
        split(readScopes),
        split(dataDomains),
        resourcesEnabled,
        authorizationServer);
  }

  public Vendor toVendor() {
    return new Vendor(
        id(),
        displayName,
        kind,
        URI.create(serverUrl),
        split(readScopes),
        split(dataDomains),
        resourcesEnabled,
        java.util.Optional.ofNullable(authorizationServer).map(URI::create));
  }

  public boolean isActive() {
    return state == VendorState.ACTIVE;
  }

  public VendorState state() {
    return state;
  }

  public VendorSource source() {
    return source;
  }

  public Integer fileVersion() {
    return fileVersion;
  }

  public String changedBy() {
    return changedBy;
  }

  public Instant changedAt() {
    return changedAt;
  }

  public String changeReason() {
    return changeReason;
  }

  public long version() {
    return version;
  }

  private static List<String> split(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(" "));
  }
}
