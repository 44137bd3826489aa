package io.claribi.uploads.control.duckdb;

/**
 * What one describe or query may cost. Plan limits (file size, uploads per organization) are
 * enforced where files are stored; these bound the engine itself.
 *
 * @param maxColumns more columns than this are refused before the file is loaded
 * @param maxColumnNameLength a longer header name is refused: it would only ever be noise to a
 *     model
 * @param memoryLimit DuckDB's {@code memory_limit} for one connection, e.g. {@code 256MB}
 * @param threads DuckDB's {@code threads} for one connection
 * @param maxResultBytes rows stop (and the result says truncated) once their JSON reaches this size
 */
public record UploadLimits(
    int maxColumns, int maxColumnNameLength, String memoryLimit, int threads, int maxResultBytes) {

  public UploadLimits {
    if (maxColumns < 1 || maxColumnNameLength < 1 || threads < 1 || maxResultBytes < 1) {
      throw new IllegalArgumentException("upload limits must be positive");
    }
    // Goes into a SET statement: only digits and a unit, never free text.
    if (memoryLimit == null || !memoryLimit.matches("[0-9]{1,6}(KB|MB|GB|KiB|MiB|GiB)")) {
      throw new IllegalArgumentException("memory limit must look like 256MB: " + memoryLimit);
    }
  }

  public static UploadLimits defaults() {
    return new UploadLimits(1_024, 256, "256MB", 2, 1_000_000);
  }

  public UploadLimits withMaxColumns(int columns) {
    return new UploadLimits(columns, maxColumnNameLength, memoryLimit, threads, maxResultBytes);
  }

  public UploadLimits withMaxResultBytes(int bytes) {
    return new UploadLimits(maxColumns, maxColumnNameLength, memoryLimit, threads, bytes);
  }
}
