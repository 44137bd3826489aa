package io.claribi.audit.boundary;

import java.io.IOException;
import java.io.Writer;

/** How an export writes events and its closing trailer: CSV or JSON Lines. */
interface ExportFormat {

  String mediaType();

  String extension();

  void header(Writer out) throws IOException;

  void event(Writer out, ExportRow event) throws IOException;

  void trailer(Writer out, ExportTrailer trailer) throws IOException;
}
