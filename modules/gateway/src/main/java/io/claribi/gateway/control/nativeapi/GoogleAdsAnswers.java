package io.claribi.gateway.control.nativeapi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Google Ads search replies flattened to one object per campaign (SearchGoogleAdsResponse,
 * developers.google.com/google-ads/api/rest/reference/rest/latest/customers.googleAds/search).
 */
final class GoogleAdsAnswers {

  private GoogleAdsAnswers() {}

  static ObjectNode campaigns(JsonNode reply) {
    ObjectNode answer = ToolResults.object();
    ArrayNode campaigns = answer.putArray("campaigns");
    for (JsonNode row : reply.path("results")) {
      ObjectNode campaign =
          ToolResults.pick(row.path("campaign"), "id", "name", "status", "advertisingChannelType");
      // int64 metrics arrive as JSON strings (proto3 JSON mapping); kept as sent.
      campaign.setAll(
          ToolResults.pick(
              row.path("metrics"), "impressions", "clicks", "costMicros", "conversions"));
      campaigns.add(campaign);
    }
    if (reply.path("nextPageToken").isString()) {
      answer.put("nextPageToken", reply.path("nextPageToken").asString());
    }
    return answer;
  }
}
