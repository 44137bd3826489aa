package io.claribi.uploads.control.duckdb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the describe tool answers: the columns of one upload and how many rows it has. */
public record UploadSchema(UploadFormat format, List<UploadColumn> columns, long rowCount) {

  public UploadSchema {
    columns = List.copyOf(columns);
  }

  /** Exact, case-sensitive: the name as describe listed it. */
  public Optional<UploadColumn> column(String name) {
    return columns.stream().filter(column -> column.name().equals(name)).findFirst();
  }

  /** The describe tool's structured answer: format, row count and columns with their types. */
  public Map<String, Object> asMap() {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("format", format.name().toLowerCase(java.util.Locale.ROOT));
    result.put("rowCount", rowCount);
    result.put(
        "columns",
        columns.stream()
            .map(column -> Map.of("name", column.name(), "type", column.type()))
            .toList());
    return result;
  }
}
