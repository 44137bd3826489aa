package io.claribi.catalog.entity;

import io.claribi.platform.api.UtcInstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A version of the shipped catalog file that was applied to this database, and what it did. */
@Entity
@Table(name = "catalog_file_loads")
@NamedQuery(name = CatalogFileLoad.NEWEST, query = "SELECT MAX(l.version) FROM CatalogFileLoad l")
public class CatalogFileLoad {

  public static final String NEWEST = "CatalogFileLoad.newest";

  @Id
  @Column(name = "file_version")
  private int version;

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "loaded_at", nullable = false)
  private Instant loadedAt;

  @Column(name = "summary", nullable = false, length = 500)
  private String summary;

  protected CatalogFileLoad() {
    // for JPA
  }

  public CatalogFileLoad(int version, Instant loadedAt, String summary) {
    this.version = version;
    this.loadedAt = Objects.requireNonNull(loadedAt, "loadedAt");
    this.summary = summary.length() > 500 ? summary.substring(0, 500) : summary;
  }

  public void summarise(String text) {
    this.summary = text.length() > 500 ? text.substring(0, 500) : text;
  }

  public int version() {
    return version;
  }
}
