package io.claribi.uploads.control.duckdb;

import java.nio.file.Path;

/**
 * The two read tools over one stored upload: describe its columns, and query it with filters,
 * groups and aggregates. Each call loads the file into a fresh, locked-down in-memory DuckDB
 * ({@link LockedDownDuckDb}) and closes it afterwards: slower than keeping files loaded, but no
 * state, memory or access outlives the call. Thread-safe; usable as a CDI bean.
 */
public class UploadReads {

  private final UploadLimits limits;

  public UploadReads() {
    this(UploadLimits.defaults());
  }

  public UploadReads(UploadLimits limits) {
    this.limits = limits;
  }

  /**
   * @param file the stored upload, a path this server chose
   * @param format as {@link UploadFormat#sniff} found it when the file was stored
   */
  public UploadSchema describe(Path file, UploadFormat format) {
    try (var database = LockedDownDuckDb.load(file, format, limits)) {
      return database.schema();
    }
  }

  public UploadResult query(Path file, UploadFormat format, UploadQuery query) {
    try (var database = LockedDownDuckDb.load(file, format, limits)) {
      return database.run(UploadSql.of(query, database.schema()), limits.maxResultBytes());
    }
  }
}
