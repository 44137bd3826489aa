package io.claribi.uploads.control.duckdb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the query tool answers.
 *
 * @param columns the output columns, in order
 * @param rows each row by column name, values as JSON scalars
 * @param truncated more rows matched than the limit, or the rows reached the result size guard
 */
public record UploadResult(
    List<String> columns, List<Map<String, Object>> rows, boolean truncated) {

  public UploadResult {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  public Map<String, Object> asMap() {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("columns", columns);
    result.put("rows", rows);
    result.put("rowCount", rows.size());
    result.put("truncated", truncated);
    return result;
  }

  public String toJson() {
    return JsonMapper.shared().writeValueAsString(asMap());
  }
}
