package io.claribi.uploads.api;

import io.claribi.platform.api.console.Notice;
import jakarta.servlet.http.Part;
import java.util.List;

/**
 * The bound organization's uploaded files as the console's Data sources page manages them, through
 * the facade of {@code /api/v1/uploads}: every rule (plan, size, format, count, audit) is its.
 */
public interface UploadedFiles {

  List<UploadRow> rows();

  /**
   * Adds the file chosen in the page's form.
   *
   * @return what happened, in words: the file added, or why nothing was stored
   */
  Notice add(Part file, String domains);

  /**
   * Removes an upload and its bytes in one transaction.
   *
   * @throws io.claribi.platform.api.ProblemException 404 if the organization has no such upload
   */
  void delete(UploadId id);
}
