package io.claribi.audit.boundary;

import io.claribi.audit.control.AuditSettings;
import io.claribi.audit.control.EventFilter;
import io.claribi.audit.control.EventHash;
import java.time.Instant;

/**
 * One export as the REST API and the console start it: the file name, the media type and the stream
 * that writes the selection and its trailer. One place, so both write the same file.
 */
public record Export(String fileName, String mediaType, ExportStream stream) {

  /**
   * An export of {@code filter} up to the chain head now; {@code query} is the selection as asked,
   * written into the trailer.
   */
  public static Export of(
      AuditTrail trail,
      AuditSettings settings,
      Instant now,
      EventFilter filter,
      ExportFormat format,
      String query) {
    String organization = trail.organization().value();
    String fileName = "audit-" + organization + "-" + now.toEpochMilli() + "." + format.extension();
    return new Export(
        fileName,
        format.mediaType(),
        new ExportStream(
            trail,
            filter,
            format,
            settings.chunkSize(),
            trail.head(),
            organization,
            EventHash.timestamp(now),
            query));
  }

  public String contentDisposition() {
    return "attachment; filename=\"" + fileName + "\"";
  }
}
