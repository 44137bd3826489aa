package io.claribi.demovendor.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.demovendor.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ManyToolsTest {

  @Test
  void pages_hold_500_distinct_tools_and_the_last_has_no_cursor() {
    JsonNode first = Json.MAPPER.readTree(ManyTools.result("1", 0)).path("result");
    JsonNode last = Json.MAPPER.readTree(ManyTools.result("1", 9_500)).path("result");

    assertThat(first.path("tools").size()).isEqualTo(500);
    assertThat(first.path("nextCursor").asString()).isEqualTo("500");
    assertThat(last.has("nextCursor")).isFalse();
    assertThat(last.path("tools").get(499).path("name").asString()).isEqualTo("report_09999");
  }

  @Test
  void the_huge_result_prefix_is_a_json_rpc_result() {
    assertThat(HugeResult.prefix("\"abc\"") + "x" + HugeResult.SUFFIX)
        .satisfies(
            json -> assertThat(Json.MAPPER.readTree(json).path("id").asString()).isEqualTo("abc"));
  }
}
