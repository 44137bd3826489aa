package io.claribi.uploads.api;

import io.claribi.platform.api.console.ConsoleText;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** One of the organization's uploaded files as the console's Data sources page lists it. */
public final class UploadRow implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String id;
  private final String name;
  private final String format;
  private final String size;
  private final long rows;
  private final String domains;
  private final Instant uploadedAt;

  public UploadRow(
      String id,
      String name,
      String format,
      long sizeBytes,
      long rows,
      List<String> domains,
      Instant uploadedAt) {
    this.id = id;
    this.name = name;
    this.format = format;
    this.size = ConsoleText.bytes(sizeBytes);
    this.rows = rows;
    this.domains = String.join(", ", domains);
    this.uploadedAt = uploadedAt;
  }

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getFormat() {
    return format;
  }

  public String getSize() {
    return size;
  }

  public long getRows() {
    return rows;
  }

  public String getDomains() {
    return domains;
  }

  /** Written by the page's {@code claribi:time}, in the person's zone. */
  public Instant getUploadedAt() {
    return uploadedAt;
  }
}
