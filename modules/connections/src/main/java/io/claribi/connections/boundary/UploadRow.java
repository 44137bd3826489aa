package io.claribi.connections.boundary;

import java.io.Serializable;

/** One of the organization's uploaded files as the console's Data sources page lists it. */
public final class UploadRow implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String id;
  private final String name;
  private final String format;
  private final String size;
  private final long rows;
  private final String domains;
  private final String uploadedAt;

  private UploadRow(UploadView upload) {
    this.id = upload.id();
    this.name = upload.name();
    this.format = upload.format();
    this.size = ConsoleText.bytes(upload.sizeBytes());
    this.rows = upload.rowCount();
    this.domains = String.join(", ", upload.dataDomains());
    this.uploadedAt = ConsoleText.when(upload.uploadedAt());
  }

  static UploadRow of(UploadView upload) {
    return new UploadRow(upload);
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

  public String getUploadedAt() {
    return uploadedAt;
  }
}
