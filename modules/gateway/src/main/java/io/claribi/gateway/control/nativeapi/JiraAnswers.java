package io.claribi.gateway.control.nativeapi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Jira replies trimmed to what a reader needs (developer.atlassian.com/cloud/jira/platform/rest/v3:
 * issue-search "search/jql", projects "project/search"; OAuth 2.0 3LO "accessible-resources").
 */
final class JiraAnswers {

  private JiraAnswers() {}

  static ObjectNode sites(JsonNode reply) {
    ObjectNode answer = ToolResults.object();
    ArrayNode sites = answer.putArray("sites");
    for (JsonNode site : reply) {
      ObjectNode out = sites.addObject().put("cloudId", site.path("id").asString());
      out.setAll(ToolResults.pick(site, "name", "url", "scopes"));
    }
    return answer;
  }

  static ObjectNode issues(JsonNode reply) {
    ObjectNode answer = ToolResults.object();
    ArrayNode issues = answer.putArray("issues");
    reply
        .path("issues")
        .forEach(issue -> issues.add(ToolResults.pick(issue, "id", "key", "fields")));
    answer.put("isLast", reply.path("isLast").asBoolean(!reply.has("nextPageToken")));
    if (reply.path("nextPageToken").isString()) {
      answer.put("nextPageToken", reply.path("nextPageToken").asString());
    }
    return answer;
  }

  static ObjectNode projects(JsonNode reply) {
    ObjectNode answer = ToolResults.object();
    ArrayNode projects = answer.putArray("projects");
    reply
        .path("values")
        .forEach(
            project ->
                projects.add(ToolResults.pick(project, "id", "key", "name", "projectTypeKey")));
    answer.setAll(ToolResults.pick(reply, "startAt", "total", "isLast"));
    return answer;
  }
}
