package io.claribi.gateway.control.nativeapi;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Google Analytics replies, reshaped for a reader: a report's rows become objects keyed by
 * dimension and metric names (RunReportResponse, developers.google.com/analytics/devguides/
 * reporting/data/v1/rest/v1beta/RunReportResponse).
 */
final class GoogleAnalyticsAnswers {

  private GoogleAnalyticsAnswers() {}

  static ObjectNode report(JsonNode report) {
    List<String> dimensions = names(report.path("dimensionHeaders"));
    List<String> metrics = names(report.path("metricHeaders"));
    ObjectNode answer = ToolResults.object();
    answer.put("rowCount", report.path("rowCount").asLong(0));
    ArrayNode metricTypes = answer.putArray("metrics");
    report
        .path("metricHeaders")
        .forEach(
            header ->
                metricTypes
                    .addObject()
                    .put("name", header.path("name").asString())
                    .put("type", header.path("type").asString()));
    ArrayNode rows = answer.putArray("rows");
    for (JsonNode row : report.path("rows")) {
      ObjectNode out = rows.addObject();
      copy(dimensions, row.path("dimensionValues"), out);
      copy(metrics, row.path("metricValues"), out);
    }
    return answer;
  }

  static ObjectNode metadata(JsonNode metadata) {
    ObjectNode answer = ToolResults.object();
    ArrayNode dimensions = answer.putArray("dimensions");
    metadata
        .path("dimensions")
        .forEach(d -> dimensions.add(ToolResults.pick(d, "apiName", "uiName", "category")));
    ArrayNode metrics = answer.putArray("metrics");
    metadata
        .path("metrics")
        .forEach(m -> metrics.add(ToolResults.pick(m, "apiName", "uiName", "type", "category")));
    return answer;
  }

  private static List<String> names(JsonNode headers) {
    List<String> names = new ArrayList<>();
    headers.forEach(header -> names.add(header.path("name").asString()));
    return names;
  }

  private static void copy(List<String> names, JsonNode values, ObjectNode out) {
    for (int i = 0; i < names.size() && i < values.size(); i++) {
      out.put(names.get(i), values.path(i).path("value").asString());
    }
  }
}
