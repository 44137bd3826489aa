package io.claribi.gateway.control.nativeapi;

/** What Jira offers the AI engine; the schemas mirror Jira's checks. */
final class JiraOperations {

  private JiraOperations() {}

  private static final String CLOUD_ID =
      "{\"type\":\"string\",\"pattern\":\"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
          + "[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$\",\"description\":\"a site's cloudId from list_sites\"}";

  static final NativeOperation LIST_SITES =
      new NativeOperation(
          "list_sites",
          "List Jira sites",
          "Lists the Jira Cloud sites this connection may read, with the cloudId the other"
              + " operations need.",
          """
          {"type":"object","additionalProperties":false,"properties":{}}
          """);

  static final NativeOperation SEARCH_ISSUES =
      new NativeOperation(
          "search_issues",
          "Search Jira issues",
          "Finds issues of one site with a JQL query (read-only), returning the chosen fields;"
              + " page with next_page_token.",
          """
          {"type":"object","additionalProperties":false,"required":["cloud_id","jql"],
           "properties":{
            "cloud_id":%s,
            "jql":{"type":"string","minLength":1,"maxLength":2000,
              "description":"e.g. project = ABC AND updated >= -7d ORDER BY updated DESC"},
            "fields":{"type":"array","minItems":1,"maxItems":30,
              "items":{"type":"string","pattern":"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"}},
            "max_results":{"type":"integer","minimum":1,"maximum":100,"default":50},
            "next_page_token":{"type":"string","pattern":"^[A-Za-z0-9+/=_.-]{1,2048}$"}}}
          """
              .formatted(CLOUD_ID));

  static final NativeOperation LIST_PROJECTS =
      new NativeOperation(
          "list_projects",
          "List Jira projects",
          "Lists the projects of one site the connected person can browse: id, key, name, type.",
          """
          {"type":"object","additionalProperties":false,"required":["cloud_id"],
           "properties":{
            "cloud_id":%s,
            "query":{"type":"string","minLength":1,"maxLength":2000},
            "start_at":{"type":"integer","minimum":0,"maximum":1000000,"default":0},
            "max_results":{"type":"integer","minimum":1,"maximum":100,"default":50}}}
          """
              .formatted(CLOUD_ID));
}
