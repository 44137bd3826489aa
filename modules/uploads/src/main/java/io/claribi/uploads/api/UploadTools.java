package io.claribi.uploads.api;

/**
 * The two read tools an upload offers the AI engine, with their JSON input schemas (draft 2020-12).
 * The caller adds its own property naming the upload when it lists them.
 */
public final class UploadTools {

  public static final String DESCRIBE = "describe_upload";
  public static final String QUERY = "query_upload";

  public static final String DESCRIBE_DESCRIPTION =
      "Lists the columns of the uploaded file with their types, and its row count.";

  public static final String QUERY_DESCRIPTION =
      "Reads rows of the uploaded file: optional columns, filters (all must hold), group_by with"
          + " aggregates, order_by and limit (default 100, at most 1000). Column names are exactly"
          + " as describe_upload lists them. The result says truncated when more rows matched.";

  private static final String DESCRIBE_SCHEMA =
      """
      {
        "type": "object",
        "properties": {},
        "additionalProperties": false
      }
      """;

  private static final String QUERY_SCHEMA =
      """
      {
        "type": "object",
        "properties": {
          "columns": {
            "type": "array", "items": {"type": "string"},
            "description": "Columns to return; all when omitted, the group_by columns when grouping."
          },
          "filters": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "column": {"type": "string"},
                "op": {
                  "enum": ["eq", "ne", "lt", "le", "gt", "ge", "contains", "starts_with", "in",
                           "is_null", "not_null"],
                  "description": "contains and starts_with ignore case; is_null and not_null take no value; in takes values."
                },
                "value": {"type": ["string", "number", "boolean"]},
                "values": {
                  "type": "array", "items": {"type": ["string", "number", "boolean"]},
                  "minItems": 1, "maxItems": 1000
                }
              },
              "required": ["column", "op"],
              "additionalProperties": false
            }
          },
          "group_by": {"type": "array", "items": {"type": "string"}},
          "aggregates": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "fn": {"enum": ["count", "count_distinct", "sum", "avg", "min", "max"]},
                "column": {"type": "string", "description": "\\"*\\" (count only) when omitted."},
                "alias": {"type": "string", "maxLength": 64}
              },
              "required": ["fn"],
              "additionalProperties": false
            }
          },
          "order_by": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "column": {"type": "string", "description": "A column or an aggregate alias."},
                "direction": {"enum": ["asc", "desc"]}
              },
              "required": ["column"],
              "additionalProperties": false
            }
          },
          "limit": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 100}
        },
        "additionalProperties": false
      }
      """;

  private UploadTools() {}

  public static String describeInputSchema() {
    return DESCRIBE_SCHEMA;
  }

  public static String queryInputSchema() {
    return QUERY_SCHEMA;
  }
}
