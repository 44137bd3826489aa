package io.claribi.audit.boundary;

import io.claribi.audit.control.Anchor;
import io.claribi.audit.control.EventFilter;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Streams a selection of the trail a chunk at a time (keyset paging on the sequence number, one
 * short transaction per chunk), so memory stays flat whatever the size. The selection stops at the
 * chain head seen when the export started; an export cut short has no trailer.
 */
public final class ExportStream implements StreamingOutput {

  private final AuditTrail trail;
  private final EventFilter filter;
  private final ExportFormat format;
  private final int chunkSize;
  private final Anchor head;
  private final String organization;
  private final String exportedAt;
  private final String filterText;

  ExportStream(
      AuditTrail trail,
      EventFilter filter,
      ExportFormat format,
      int chunkSize,
      Anchor head,
      String organization,
      String exportedAt,
      String filterText) {
    this.trail = trail;
    this.filter = filter;
    this.format = format;
    this.chunkSize = chunkSize;
    this.head = head;
    this.organization = organization;
    this.exportedAt = exportedAt;
    this.filterText = filterText;
  }

  @Override
  public void write(OutputStream output) throws IOException {
    Writer out =
        new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1 << 16);
    format.header(out);
    long after = 0;
    long count = 0;
    boolean contiguous = true;
    ExportRow first = null;
    ExportRow last = null;
    while (true) {
      List<ExportRow> chunk = trail.exportChunk(filter, after, head.sequence(), chunkSize);
      for (ExportRow event : chunk) {
        format.event(out, event);
        if (first == null) {
          first = event;
        } else if (event.sequence() != last.sequence() + 1) {
          contiguous = false;
        }
        last = event;
        count++;
      }
      out.flush();
      if (chunk.size() < chunkSize) {
        break;
      }
      after = last.sequence();
    }
    format.trailer(
        out,
        new ExportTrailer(
            organization,
            exportedAt,
            filterText,
            count,
            first == null ? null : first.sequence(),
            last == null ? null : last.sequence(),
            first == null ? null : first.previousHash(),
            last == null ? null : last.hash(),
            contiguous,
            head.sequence(),
            head.hash()));
    out.flush();
  }
}
