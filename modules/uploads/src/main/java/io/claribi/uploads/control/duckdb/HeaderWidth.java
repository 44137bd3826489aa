package io.claribi.uploads.control.duckdb;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Counts the fields of a CSV header, streaming, and stops as soon as there are too many. DuckDB's
 * sniffer needs memory per column (10,000 columns exceed 256 MB), so a file that is too wide must
 * be refused before DuckDB sees it. This only counts separators outside double quotes; reading the
 * file stays DuckDB's job.
 */
final class HeaderWidth {

  /** DuckDB's own default max_line_size: a longer header would be refused by it anyway. */
  static final int MAX_HEADER_BYTES = 2 * 1024 * 1024;

  private HeaderWidth() {}

  /**
   * @return the header's field count, or {@code limit + 1} as soon as it is known to exceed limit
   */
  static int fields(Path csv, int limit) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(csv))) {
      int fields = 1;
      boolean quoted = false;
      for (int read = 0, b; read < MAX_HEADER_BYTES && (b = in.read()) >= 0; read++) {
        if (b == '"') {
          quoted = !quoted; // a doubled quote toggles twice: still the same state
        } else if (!quoted && (b == '\n' || b == '\r')) {
          return fields;
        } else if (!quoted && b == ',' && ++fields > limit) {
          return fields;
        }
      }
      return fields;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the upload's header", e);
    }
  }
}
