package io.claribi.uploads.control.duckdb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fresh in-memory DuckDB holding exactly one upload in the table {@code upload}, then locked: no
 * file, network, extension or configuration access is left for any later statement. One per
 * describe or query, closed after it; nothing is shared between organizations or calls. The only
 * class that runs SQL on DuckDB (ArchUnit: PersistenceAccessTest).
 */
final class LockedDownDuckDb implements AutoCloseable {

  static final String TABLE = "upload";

  /** Strict RFC 4180 reading: comma, double quotes, a header row, and errors instead of guesses. */
  private static final String CSV_READER =
      "read_csv(?, header = true, delim = ',', quote = '\"', escape = '\"', strict_mode = true,"
          + " ignore_errors = false, null_padding = false, auto_detect = true%s)";

  private static final String PARQUET_READER = "read_parquet(?)";

  private final Connection connection;
  private final UploadFormat format;

  private LockedDownDuckDb(Connection connection, UploadFormat format) {
    this.connection = connection;
    this.format = format;
  }

  /**
   * @param file a path this server chose; it is bound as a parameter all the same
   */
  static LockedDownDuckDb load(Path file, UploadFormat format, UploadLimits limits) {
    Connection connection = open(limits);
    var database = new LockedDownDuckDb(connection, format);
    try {
      database.checkHeader(file, limits);
      database.copyIntoTable(file);
      database.lockDown(limits);
      return database;
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  private static Connection open(UploadLimits limits) {
    Properties settings = new Properties();
    settings.setProperty("memory_limit", limits.memoryLimit());
    settings.setProperty("threads", Integer.toString(limits.threads()));
    // Never spill to disk: an in-memory database would otherwise write to ".tmp" in the cwd.
    settings.setProperty("temp_directory", "");
    settings.setProperty("autoinstall_known_extensions", "false");
    settings.setProperty("autoload_known_extensions", "false");
    try {
      return DriverManager.getConnection("jdbc:duckdb:", settings);
    } catch (SQLException e) {
      throw DuckDbFailures.engine(e);
    }
  }

  /** Reads only the header and types, so a 10,000-column file is refused before it is loaded. */
  private void checkHeader(Path file, UploadLimits limits) {
    if (format == UploadFormat.CSV) {
      int fields = HeaderWidth.fields(file, limits.maxColumns());
      if (fields > limits.maxColumns()) {
        throw DuckDbFailures.tooManyColumns(fields, limits.maxColumns());
      }
    }
    try (PreparedStatement probe =
        connection.prepareStatement("SELECT * FROM " + reader("") + " LIMIT 0")) {
      probe.setString(1, file.toString());
      try (ResultSet rows = probe.executeQuery()) {
        ResultSetMetaData header = rows.getMetaData();
        if (header.getColumnCount() > limits.maxColumns()) {
          throw DuckDbFailures.tooManyColumns(header.getColumnCount(), limits.maxColumns());
        }
        for (int i = 0; i < header.getColumnCount(); i++) {
          int length = header.getColumnLabel(i + 1).length();
          if (length > limits.maxColumnNameLength()) {
            throw DuckDbFailures.columnNameTooLong(i, length, limits.maxColumnNameLength());
          }
        }
      }
    } catch (SQLException e) {
      throw DuckDbFailures.unreadable(format, e);
    }
  }

  private void copyIntoTable(Path file) {
    try {
      copyIntoTable(file, "");
    } catch (SQLException e) {
      if (format != UploadFormat.CSV
          || !String.valueOf(e.getMessage()).contains("Could not convert")) {
        throw DuckDbFailures.unreadable(format, e);
      }
      // The types were guessed from a sample that a later row contradicts: guess from every row.
      try {
        copyIntoTable(file, ", sample_size = -1");
      } catch (SQLException again) {
        throw DuckDbFailures.unreadable(format, again);
      }
    }
  }

  private void copyIntoTable(Path file, String readerOptions) throws SQLException {
    try (PreparedStatement copy =
        connection.prepareStatement(
            "CREATE OR REPLACE TABLE " + TABLE + " AS SELECT * FROM " + reader(readerOptions))) {
      copy.setString(1, file.toString());
      copy.execute();
    }
  }

  private String reader(String csvOptions) {
    return format == UploadFormat.CSV ? CSV_READER.formatted(csvOptions) : PARQUET_READER;
  }

  /** After this, the connection can read its own table and nothing else, and cannot undo it. */
  private void lockDown(UploadLimits limits) {
    try {
      for (String setting :
          List.of(
              "SET enable_external_access = false",
              "SET autoinstall_known_extensions = false",
              "SET autoload_known_extensions = false",
              "SET memory_limit = '" + limits.memoryLimit() + "'",
              "SET threads = " + limits.threads(),
              "SET lock_configuration = true")) {
        execute(setting);
      }
    } catch (SQLException e) {
      throw DuckDbFailures.engine(e);
    }
  }

  UploadSchema schema() {
    try (Statement statement = connection.createStatement()) {
      List<UploadColumn> columns = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery("SELECT * FROM " + TABLE + " LIMIT 0")) {
        ResultSetMetaData header = rows.getMetaData();
        for (int i = 1; i <= header.getColumnCount(); i++) {
          columns.add(new UploadColumn(header.getColumnLabel(i), header.getColumnTypeName(i)));
        }
      }
      try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + TABLE)) {
        count.next();
        return new UploadSchema(format, columns, count.getLong(1));
      }
    } catch (SQLException e) {
      throw DuckDbFailures.engine(e);
    }
  }

  /** Runs a written query, binding its values; stops at its limit or at the result size guard. */
  UploadResult run(UploadSql sql, int maxResultBytes) {
    try (PreparedStatement statement = connection.prepareStatement(sql.sql())) {
      for (int i = 0; i < sql.parameters().size(); i++) {
        statement.setObject(i + 1, sql.parameters().get(i));
      }
      try (ResultSet rows = statement.executeQuery()) {
        return collect(rows, sql, maxResultBytes);
      }
    } catch (SQLException e) {
      throw DuckDbFailures.engine(e);
    }
  }

  private static UploadResult collect(ResultSet rows, UploadSql sql, int maxResultBytes)
      throws SQLException {
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
      if (bytes > maxResultBytes) {
        return new UploadResult(sql.columns(), result, true);
      }
      result.add(row);
    }
    return new UploadResult(sql.columns(), result, false);
  }

  /** Runs one statement as it is. Tests use it to prove what the lock refuses. */
  void execute(String sql) throws SQLException {
    // A failed statement closes its JDBC Statement in DuckDB: one Statement per command.
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // The in-memory database is gone either way; nothing to recover.
    }
  }
}
