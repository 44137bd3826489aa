package io.claribi.uploads.control;

import io.claribi.platform.api.TenantBinding;
import io.claribi.uploads.api.UploadId;
import io.claribi.uploads.entity.Upload;
import io.claribi.uploads.entity.UploadContent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * The bound organization's uploaded files; another organization's are as absent as unknown ones.
 */
@ApplicationScoped
public class Uploads {

  @PersistenceContext(unitName = "uploads")
  EntityManager em;

  @Inject TenantBinding tenancy;

  public Optional<Upload> find(UploadId id) {
    return Optional.ofNullable(tenancy.bind(em).find(Upload.class, id.toString()));
  }

  public List<Upload> all() {
    return tenancy.bind(em).createNamedQuery(Upload.ALL, Upload.class).getResultList();
  }

  public long count() {
    return tenancy.bind(em).createNamedQuery(Upload.COUNT, Long.class).getSingleResult();
  }

  /** The file's bytes, if the upload (of the bound organization) exists. */
  public Optional<byte[]> content(UploadId id) {
    return Optional.ofNullable(tenancy.bind(em).find(UploadContent.class, id.toString()))
        .map(UploadContent::bytes);
  }

  /**
   * The upload and its bytes, flushed now so that a failure surfaces in the caller's transaction.
   */
  public void add(Upload upload, byte[] content) {
    EntityManager bound = tenancy.bind(em);
    bound.persist(upload);
    bound.flush();
    bound.persist(new UploadContent(upload.id(), content));
    bound.flush();
  }

  /** The bytes and the upload, in the caller's transaction: either both are gone or neither. */
  public boolean delete(UploadId id) {
    EntityManager bound = tenancy.bind(em);
    Upload upload = bound.find(Upload.class, id.toString());
    if (upload == null) {
      return false;
    }
    UploadContent content = bound.find(UploadContent.class, id.toString());
    if (content != null) {
      bound.remove(content);
      bound.flush();
    }
    bound.remove(upload);
    bound.flush();
    return true;
  }
}
