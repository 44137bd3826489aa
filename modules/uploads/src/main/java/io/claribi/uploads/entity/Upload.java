package io.claribi.uploads.entity;

import io.claribi.platform.api.TenantBinding;
import io.claribi.platform.api.UtcInstantConverter;
import io.claribi.uploads.api.UploadId;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A file one organization uploaded as a data source: what it is and what it holds. The bytes are an
 * {@link UploadContent} with the same id, read only when the file is queried.
 */
@Entity
@Table(name = "uploads")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = TenantBinding.COLUMN, contextProperty = TenantBinding.PROPERTY)
@NamedQuery(name = Upload.ALL, query = "SELECT u FROM Upload u ORDER BY u.uploadedAt, u.id")
@NamedQuery(name = Upload.COUNT, query = "SELECT COUNT(u) FROM Upload u")
public class Upload {

  public static final String ALL = "Upload.all";
  public static final String COUNT = "Upload.count";

  public static final int MAX_NAME = 255;

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "name", nullable = false, length = MAX_NAME)
  private String name;

  @Column(name = "format", nullable = false, length = 20)
  private String format;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Column(name = "sha256", nullable = false, length = 64)
  private String sha256;

  /** Space-separated data domains, as the catalog writes a vendor's. */
  @Column(name = "data_domains", nullable = false, length = 500)
  private String dataDomains;

  /** The columns as DuckDB described them, as JSON. */
  @Lob
  @Basic(fetch = FetchType.EAGER)
  @Column(name = "columns_json", nullable = false)
  private String columnsJson;

  @Column(name = "column_count", nullable = false)
  private int columnCount;

  @Column(name = "row_count", nullable = false)
  private long rowCount;

  @Column(name = "uploaded_by", nullable = false, length = 255)
  private String uploadedBy;

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "uploaded_at", nullable = false)
  private Instant uploadedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Upload() {}

  /** What is known about a file once it was checked and described. */
  public record Described(
      String name,
      String format,
      long sizeBytes,
      String sha256,
      List<String> dataDomains,
      String columnsJson,
      int columnCount,
      long rowCount) {
    public Described {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(sha256, "sha256");
      Objects.requireNonNull(columnsJson, "columnsJson");
      dataDomains = List.copyOf(dataDomains);
    }
  }

  public Upload(UploadId id, Described described, String uploadedBy, Instant uploadedAt) {
    this.id = id.toString();
    this.name = described.name();
    this.format = described.format();
    this.sizeBytes = described.sizeBytes();
    this.sha256 = described.sha256();
    this.dataDomains = String.join(" ", described.dataDomains());
    this.columnsJson = described.columnsJson();
    this.columnCount = described.columnCount();
    this.rowCount = described.rowCount();
    this.uploadedBy = Objects.requireNonNull(uploadedBy, "uploadedBy");
    this.uploadedAt = Objects.requireNonNull(uploadedAt, "uploadedAt");
  }

  public UploadId id() {
    return new UploadId(UUID.fromString(id));
  }

  public String name() {
    return name;
  }

  public String format() {
    return format;
  }

  public long sizeBytes() {
    return sizeBytes;
  }

  public String sha256() {
    return sha256;
  }

  public List<String> dataDomains() {
    return dataDomains.isEmpty() ? List.of() : Arrays.asList(dataDomains.split(" "));
  }

  public String columnsJson() {
    return columnsJson;
  }

  public int columnCount() {
    return columnCount;
  }

  public long rowCount() {
    return rowCount;
  }

  public String uploadedBy() {
    return uploadedBy;
  }

  public Instant uploadedAt() {
    return uploadedAt;
  }

  @Override
  public String toString() {
    return "Upload[" + id + "]";
  }
}
