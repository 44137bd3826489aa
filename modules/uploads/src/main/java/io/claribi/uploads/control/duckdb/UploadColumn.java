package io.claribi.uploads.control.duckdb;

/**
 * One column of an upload as DuckDB read it.
 *
 * @param name the header name; blank or repeated headers are renamed the DuckDB way ({@code
 *     column2}, {@code amount_1})
 * @param type DuckDB's type name, e.g. {@code BIGINT}, {@code DECIMAL(18,3)}, {@code VARCHAR}
 */
public record UploadColumn(String name, String type) {

  public ColumnKind kind() {
    return ColumnKind.of(type);
  }
}
