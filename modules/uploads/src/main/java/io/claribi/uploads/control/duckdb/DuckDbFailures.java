package io.claribi.uploads.control.duckdb;

import io.claribi.platform.api.ProblemException;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns DuckDB's errors on reading an upload into problems a person can act on: the line and the
 * reason, never the server's path, the reader options or a stack trace.
 */
final class DuckDbFailures {

  private static final Pattern LINE = Pattern.compile("CSV Error on Line: (\\d+)");
  private static final Pattern REASONS =
      Pattern.compile(
          "(Expected Number of Columns: \\d+ Found: \\d+"
              + "|Value with unterminated quote found\\."
              + "|Invalid unicode \\(byte sequence mismatch\\) detected\\."
              + "|Maximum line size of \\d+ bytes exceeded\\.[^\\n]*"
              + "|Could not convert string \"[^\"\\n]{0,80}\" to '[A-Z0-9_ ]+')");

  private DuckDbFailures() {}

  static ProblemException unreadable(UploadFormat format, SQLException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    StringBuilder detail = new StringBuilder("The ").append(what(format));
    Matcher line = LINE.matcher(message);
    detail.append(line.find() ? " is malformed on line " + line.group(1) : " could not be read");
    Matcher reason = REASONS.matcher(message);
    if (reason.find()) {
      detail.append(": ").append(reason.group(1));
    } else if (message.contains("sniffing file")) {
      detail.append(
          ": its rows are not consistent comma-separated values with a header row (a row with a"
              + " different number of fields, or a quote that is never closed)");
    } else if (message.contains("No magic bytes") || message.contains("parquet")) {
      detail.append(": it is not a valid Parquet file");
    }
    return new ProblemException(
        422, "UPLOAD_MALFORMED", "Upload is malformed", detail.append('.').toString());
  }

  /** Counting stops once past the limit, so the detail says "more than". */
  static ProblemException tooManyColumns(int columns, int limit) {
    return new ProblemException(
        422,
        "UPLOAD_TOO_MANY_COLUMNS",
        "Upload has too many columns",
        "The upload has "
            + (columns > limit ? "more than " + limit : Integer.toString(columns))
            + " columns; at most "
            + limit
            + " can be queried.");
  }

  static ProblemException columnNameTooLong(int index, int length, int limit) {
    return new ProblemException(
        422,
        "UPLOAD_COLUMN_NAME_TOO_LONG",
        "Upload column name too long",
        "Column "
            + (index + 1)
            + " has a name of "
            + length
            + " characters; at most "
            + limit
            + " are allowed.");
  }

  /** A failure that is not about the file: the engine's own fault, told without internals. */
  static ProblemException engine(SQLException e) {
    return new ProblemException(
        500,
        "UPLOAD_ENGINE_FAILED",
        "Upload query failed",
        "The query engine failed: " + firstLine(e));
  }

  private static String firstLine(SQLException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }

  private static String what(UploadFormat format) {
    return format == UploadFormat.CSV ? "CSV upload" : "Parquet upload";
  }
}
