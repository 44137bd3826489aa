package io.claribi.gateway.control.nativeapi;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Google Analytics Data API v1beta (GA4): reports and the property's dimension and metric names.
 * Scope {@code analytics.readonly}.
 */
final class GoogleAnalytics extends TableConnector {

  static final String VENDOR = "google-analytics";

  private static final Pattern PROPERTY_ID = Pattern.compile("[0-9]{1,20}");
  private static final String PROPERTY_HINT = "the numeric GA4 property id, e.g. 123456789";
  // API names such as "sessionSource" or "customEvent:plan_type".
  private static final Pattern API_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_:]{0,99}");

  private final OperationTable table =
      new OperationTable(VENDOR)
          .with(GoogleAnalyticsOperations.RUN_REPORT, this::runReport)
          .with(GoogleAnalyticsOperations.GET_METADATA, this::metadata);

  GoogleAnalytics(NativeHttp http) {
    super(VENDOR, "Google Analytics", http);
  }

  @Override
  OperationTable table() {
    return table;
  }

  private ObjectNode runReport(Arguments arguments, ReadOnlyApi api) {
    String property = arguments.requiredString("property_id", PROPERTY_ID, PROPERTY_HINT);
    DateRange dates = arguments.dateRange("start_date", "end_date");
    List<String> dimensions =
        arguments.strings("dimensions", API_NAME, "a GA4 dimension API name", 9, List.of());
    List<String> metrics =
        arguments.strings("metrics", API_NAME, "a GA4 metric API name", 10, null);
    int limit = arguments.integer("limit", 1, 10_000, 1_000);
    int offset = arguments.integer("offset", 0, 1_000_000_000, 0);

    ObjectNode request = ToolResults.object();
    request
        .putArray("dateRanges")
        .addObject()
        .put("startDate", dates.startText())
        .put("endDate", dates.endText());
    ArrayNode dimensionList = request.putArray("dimensions");
    dimensions.forEach(name -> dimensionList.addObject().put("name", name));
    ArrayNode metricList = request.putArray("metrics");
    metrics.forEach(name -> metricList.addObject().put("name", name));
    request.put("limit", limit).put("offset", offset);

    JsonNode report =
        api.query("/v1beta/properties/" + ReadOnlyApi.encode(property) + ":runReport", request);
    return GoogleAnalyticsAnswers.report(report);
  }

  private ObjectNode metadata(Arguments arguments, ReadOnlyApi api) {
    String property = arguments.requiredString("property_id", PROPERTY_ID, PROPERTY_HINT);
    JsonNode metadata =
        api.get("/v1beta/properties/" + ReadOnlyApi.encode(property) + "/metadata", Map.of());
    return GoogleAnalyticsAnswers.metadata(metadata);
  }
}
