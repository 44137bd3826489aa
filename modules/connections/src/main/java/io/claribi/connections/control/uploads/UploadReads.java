package io.claribi.connections.control.uploads;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

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
      UploadSql sql = UploadSql.of(query, database.schema());
      return run(database, sql);
    }
  }

  private UploadResult run(LockedDownDuckDb database, UploadSql sql) {
    try (PreparedStatement statement = database.prepare(sql.sql())) {
      for (int i = 0; i < sql.parameters().size(); i++) {
        statement.setObject(i + 1, sql.parameters().get(i));
      }
      try (ResultSet rows = statement.executeQuery()) {
        return collect(rows, sql);
      }
    } catch (SQLException e) {
      throw DuckDbFailures.engine(e);
    }
  }

  private UploadResult collect(ResultSet rows, UploadSql sql) throws SQLException {
    List<Map<String, Object>> result = new ArrayList<>();
    long bytes = 0;
    while (rows.next()) {
      if (result.size() == sql.limit()) {
        return new UploadResult(sql.columns(), result, true);
      }
      Map<String, Object> row = new LinkedHashMap<>();
      for (int i = 0; i < sql.columns().size(); i++) {
        row.put(sql.columns().get(i), JsonScalars.of(rows.getObject(i + 1)));
      }
      // Counted as JSON, the form the model receives; the row that would cross the guard stays out.
      bytes += JsonMapper.shared().writeValueAsBytes(row).length + 1;
      if (bytes > limits.maxResultBytes()) {
        return new UploadResult(sql.columns(), result, true);
      }
      result.add(row);
    }
    return new UploadResult(sql.columns(), result, false);
  }
}
