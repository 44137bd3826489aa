package io.claribi.gateway.control.nativeapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * Jira Cloud through Atlassian's OAuth 2.0 (3LO) gateway: the sites a grant reaches, then issues
 * and projects of one site ({@code /ex/jira/{cloudId}/...}). Scopes {@code read:jira-work} and
 * {@code read:jira-user}. JQL can only select, and travels as one encoded query value.
 */
final class Jira extends TableConnector {

  static final String VENDOR = "jira";

  static final Pattern CLOUD_ID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final String CLOUD_HINT = "a site's cloudId (a UUID) from list_sites";
  // Printable text on one line: JQL needs quotes, brackets and operators, but never a newline.
  private static final Pattern ONE_LINE = Pattern.compile("[^\\p{Cntrl}]{1,2000}");
  private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
  private static final Pattern PAGE_TOKEN = Pattern.compile("[A-Za-z0-9+/=_.-]{1,2048}");
  static final List<String> DEFAULT_FIELDS =
      List.of("summary", "status", "assignee", "priority", "issuetype", "created", "updated");

  private final OperationTable table =
      new OperationTable(VENDOR)
          .with(JiraOperations.LIST_SITES, this::sites)
          .with(JiraOperations.SEARCH_ISSUES, this::issues)
          .with(JiraOperations.LIST_PROJECTS, this::projects);

  Jira(NativeHttp http) {
    super(VENDOR, "Jira", http);
  }

  @Override
  OperationTable table() {
    return table;
  }

  private ObjectNode sites(Arguments arguments, ReadOnlyApi api) {
    return JiraAnswers.sites(api.get("/oauth/token/accessible-resources", Map.of()));
  }

  private ObjectNode issues(Arguments arguments, ReadOnlyApi api) {
    String cloud = arguments.requiredString("cloud_id", CLOUD_ID, CLOUD_HINT);
    String jql = arguments.requiredString("jql", ONE_LINE, "one line of JQL, 1-2000 characters");
    List<String> fields =
        arguments.strings("fields", FIELD, "a Jira field id, e.g. summary", 30, DEFAULT_FIELDS);
    int maxResults = arguments.integer("max_results", 1, 100, 50);
    Map<String, String> query = new LinkedHashMap<>();
    query.put("jql", jql);
    query.put("fields", String.join(",", fields));
    query.put("maxResults", Integer.toString(maxResults));
    arguments
        .optionalString("next_page_token", PAGE_TOKEN, "the nextPageToken of an earlier page")
        .ifPresent(token -> query.put("nextPageToken", token));
    return JiraAnswers.issues(api.get(site(cloud) + "/rest/api/3/search/jql", query));
  }

  private ObjectNode projects(Arguments arguments, ReadOnlyApi api) {
    String cloud = arguments.requiredString("cloud_id", CLOUD_ID, CLOUD_HINT);
    Map<String, String> query = new LinkedHashMap<>();
    query.put("startAt", Integer.toString(arguments.integer("start_at", 0, 1_000_000, 0)));
    query.put("maxResults", Integer.toString(arguments.integer("max_results", 1, 100, 50)));
    arguments
        .optionalString("query", ONE_LINE, "one line of text to match project names and keys")
        .ifPresent(text -> query.put("query", text));
    return JiraAnswers.projects(api.get(site(cloud) + "/rest/api/3/project/search", query));
  }

  private static String site(String cloud) {
    return "/ex/jira/" + ReadOnlyApi.encode(cloud);
  }
}
