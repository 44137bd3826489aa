package io.claribi.gateway.control.nativeapi;

/** What Google Analytics offers the AI engine; the schemas mirror GoogleAnalytics' checks. */
final class GoogleAnalyticsOperations {

  private GoogleAnalyticsOperations() {}

  static final NativeOperation RUN_REPORT =
      new NativeOperation(
          "run_report",
          "Run a GA4 report",
          "Reads a GA4 property's report for a date range: up to 9 dimensions and 10 metrics (API"
              + " names, see get_metadata), one row per dimension combination.",
          """
          {"type":"object","additionalProperties":false,
           "required":["property_id","start_date","end_date","metrics"],
           "properties":{
            "property_id":{"type":"string","pattern":"^[0-9]{1,20}$","description":"GA4 property id"},
            "start_date":{"type":"string","format":"date","pattern":"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
            "end_date":{"type":"string","format":"date","pattern":"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
            "dimensions":{"type":"array","minItems":1,"maxItems":9,
              "items":{"type":"string","pattern":"^[A-Za-z][A-Za-z0-9_:]{0,99}$"}},
            "metrics":{"type":"array","minItems":1,"maxItems":10,
              "items":{"type":"string","pattern":"^[A-Za-z][A-Za-z0-9_:]{0,99}$"}},
            "limit":{"type":"integer","minimum":1,"maximum":10000,"default":1000},
            "offset":{"type":"integer","minimum":0,"maximum":1000000000,"default":0}}}
          """);

  static final NativeOperation GET_METADATA =
      new NativeOperation(
          "get_metadata",
          "List GA4 dimensions and metrics",
          "Lists the dimensions and metrics a GA4 property can report on, custom ones included"
              + " (property_id 0 gives the ones common to all properties).",
          """
          {"type":"object","additionalProperties":false,"required":["property_id"],
           "properties":{
            "property_id":{"type":"string","pattern":"^[0-9]{1,20}$","description":"GA4 property id"}}}
          """);
}
