package io.claribi.uploads.api;

import java.time.Instant;
import java.util.List;

/**
 * An uploaded file as a data source: what tool lists and routing show of it, never its bytes.
 *
 * @param dataDomains what the file is about, as the admin said when uploading it
 */
public record UploadSource(UploadId id, String name, List<String> dataDomains, Instant uploadedAt) {

  public UploadSource {
    dataDomains = List.copyOf(dataDomains);
  }
}
