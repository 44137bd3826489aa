package io.claribi.audit.boundary;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 CSV that is safe to open in a spreadsheet: a cell that starts with {@code = + - @}, a
 * tab, a carriage return or an apostrophe gets a leading apostrophe, so it is shown as text and
 * never run as a formula. To recompute a hash, remove one leading apostrophe from every cell that
 * has one. The last row is {@code #trailer} and the trailer as JSON.
 */
final class CsvFormat implements ExportFormat {

  static final List<String> COLUMNS =
      List.of(
          "sequence",
          "occurred_at",
          "type",
          "actor",
          "organization",
          "connection",
          "vendor",
          "request_id",
          "client_address",
          "details",
          "id",
          "previous_hash",
          "hash");

  @Override
  public String mediaType() {
    return "text/csv; charset=UTF-8";
  }

  @Override
  public String extension() {
    return "csv";
  }

  @Override
  public void header(Writer out) throws IOException {
    out.write(String.join(",", COLUMNS));
    out.write("\r\n");
  }

  @Override
  public void event(Writer out, ExportRow e) throws IOException {
    row(
        out,
        Long.toString(e.sequence()),
        e.occurredAt(),
        e.type(),
        e.actor(),
        e.organization(),
        e.connection(),
        e.vendor(),
        e.requestId(),
        e.clientAddress(),
        e.detailsJson(),
        e.id(),
        e.previousHash(),
        e.hash());
  }

  @Override
  public void trailer(Writer out, ExportTrailer trailer) throws IOException {
    row(out, "#trailer", trailer.toJson().toString());
  }

  private static void row(Writer out, String... cells) throws IOException {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(cell(cells[i]));
    }
    out.write("\r\n");
  }

  /** An absent value is an empty cell; everything else is neutralised, then quoted if needed. */
  static String cell(String value) {
    if (value == null) {
      return "";
    }
    String safe = neutralised(value);
    boolean quote =
        safe.isEmpty()
            || safe.indexOf(',') >= 0
            || safe.indexOf('"') >= 0
            || safe.indexOf('\n') >= 0
            || safe.indexOf('\r') >= 0;
    return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
  }

  static String neutralised(String value) {
    if (value.isEmpty()) {
      return value;
    }
    return switch (value.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r', '\'' -> "'" + value;
      default -> value;
    };
  }
}
