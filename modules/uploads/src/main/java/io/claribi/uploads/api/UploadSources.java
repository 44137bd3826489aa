package io.claribi.uploads.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bound organization's uploaded files as data sources: listed, and read with one of the two
 * tools of {@link UploadTools}. The plan, the quota and the audit of a read are the caller's.
 */
public interface UploadSources {

  /** The bound organization's uploads; another organization's are as absent as unknown ones. */
  List<UploadSource> all();

  Optional<UploadSource> find(UploadId id);

  /**
   * Checks the arguments of {@link UploadTools#QUERY} before anything is counted or loaded.
   *
   * @throws io.claribi.platform.api.ProblemException 400 {@code UPLOAD_QUERY_INVALID} saying what
   *     to change
   */
  void checkQuery(Map<String, Object> arguments);

  /**
   * Loads one read of an upload in the caller's transaction.
   *
   * @param tool {@link UploadTools#DESCRIBE} or {@link UploadTools#QUERY}, arguments checked
   * @return empty if the upload is gone
   */
  Optional<UploadRead> load(UploadId id, String tool, Map<String, Object> arguments);

  /**
   * Runs a loaded read in a fresh, locked-down DuckDB, outside any transaction.
   *
   * @return the answer as a JSON object
   */
  Map<String, Object> answer(UploadRead read);
}
