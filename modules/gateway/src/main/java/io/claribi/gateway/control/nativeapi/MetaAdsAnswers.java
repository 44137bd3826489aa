package io.claribi.gateway.control.nativeapi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Graph API page: its {@code data}, and the cursor for the next page (developers.facebook.com/
 * docs/graph-api/results). {@code paging.next} is dropped on purpose: Graph writes the access token
 * into that URL.
 */
final class MetaAdsAnswers {

  private MetaAdsAnswers() {}

  static ObjectNode page(JsonNode reply) {
    ObjectNode answer = ToolResults.object();
    answer.set("data", reply.path("data").isArray() ? reply.path("data") : answer.arrayNode());
    JsonNode after = reply.path("paging").path("cursors").path("after");
    if (reply.path("paging").has("next") && after.isString()) {
      answer.put("nextCursor", after.asString());
    }
    return answer;
  }
}
