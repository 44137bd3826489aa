package io.claribi.uploads.entity;

import io.claribi.platform.api.TenantBinding;
import io.claribi.uploads.api.UploadId;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.util.Objects;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * The bytes of one uploaded file, exactly as they arrived. Tenant-scoped like the upload: another
 * organization's bytes cannot be found, let alone read.
 */
@Entity
@Table(name = "upload_contents")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = TenantBinding.COLUMN, contextProperty = TenantBinding.PROPERTY)
public class UploadContent {

  @Id
  @Column(name = "upload_id", length = 36)
  private String uploadId;

  @Lob
  @Basic(fetch = FetchType.LAZY)
  @Column(name = "content", nullable = false)
  private byte[] content;

  protected UploadContent() {}

  public UploadContent(UploadId upload, byte[] content) {
    this.uploadId = upload.toString();
    this.content = Objects.requireNonNull(content, "content");
  }

  /** The stored bytes (not a copy: callers only write them to a private temporary file). */
  public byte[] bytes() {
    return content;
  }
}
