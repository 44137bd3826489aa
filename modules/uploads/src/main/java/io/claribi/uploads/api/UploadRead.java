package io.claribi.uploads.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One read of an upload, checked and with its bytes loaded inside the caller's transaction (so that
 * a file removed a moment ago is not read); {@link UploadSources#answer} runs it outside any.
 *
 * @param format the file's format as the uploads context stored it
 */
public record UploadRead(
    UploadId upload, String tool, Map<String, Object> arguments, String format, byte[] content) {

  public UploadRead {
    // JSON arguments may hold nulls, which Map.copyOf refuses.
    arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
  }
}
