package io.claribi.gateway.boundary.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.gateway.boundary.mcp.McpRevisions.Road;
import io.claribi.platform.api.ProblemException;
import io.modelcontextprotocol.modern.McpSchema.CallToolResult;
import io.modelcontextprotocol.modern.McpSchema.TextContent;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which transport a request to /mcp reaches, from what it carries. */
class McpRevisionsTest {

  private static final Map<String, Object> STATELESS_CALL =
      Map.of(
          "method",
          "tools/call",
          "params",
          Map.of("name", "x", "_meta", Map.of("io.modelcontextprotocol/protocolVersion", "any")));
  private static final Map<String, Object> SESSION_CALL =
      Map.of("method", "tools/call", "params", Map.of("name", "x"));

  @Test
  void the_revision_header_of_2026_chooses_the_stateless_road_whatever_else_is_sent() {
    assertThat(McpRevisions.of("2026-07-28", null, SESSION_CALL)).isEqualTo(Road.STATELESS);
    assertThat(McpRevisions.of("2026-07-28", "abc", SESSION_CALL)).isEqualTo(Road.STATELESS);
    assertThat(McpRevisions.of("2026-07-28", null, null)).isEqualTo(Road.STATELESS);
  }

  @Test
  void a_version_in_meta_without_a_session_is_stateless_so_a_missing_header_is_named() {
    assertThat(McpRevisions.of(null, null, STATELESS_CALL)).isEqualTo(Road.STATELESS);
    assertThat(McpRevisions.of("2025-11-25", null, STATELESS_CALL)).isEqualTo(Road.STATELESS);
    assertThat(McpRevisions.of(null, " ", STATELESS_CALL)).isEqualTo(Road.STATELESS);
  }

  @Test
  void a_session_or_a_plain_2025_message_stays_on_the_sessions_road() {
    assertThat(McpRevisions.of(null, "abc", STATELESS_CALL)).isEqualTo(Road.SESSIONS);
    assertThat(McpRevisions.of("2025-11-25", "abc", SESSION_CALL)).isEqualTo(Road.SESSIONS);
    assertThat(McpRevisions.of(null, null, Map.of("method", "initialize")))
        .isEqualTo(Road.SESSIONS);
    assertThat(McpRevisions.of(null, null, "not an object")).isEqualTo(Road.SESSIONS);
    assertThat(McpRevisions.of(null, null, null)).isEqualTo(Road.SESSIONS);
  }

  @Test
  void
      an_unserved_revision_header_is_refused_by_the_endpoint_unless_a_stateless_message_names_it() {
    Map<String, Object> names2027 =
        Map.of(
            "method",
            "server/discover",
            "params",
            Map.of("_meta", Map.of("io.modelcontextprotocol/protocolVersion", "2027-01-01")));

    assertThat(McpRevisions.unserved("2027-01-01", null, names2027)).isFalse();
    assertThat(McpRevisions.of("2027-01-01", null, names2027)).isEqualTo(Road.STATELESS);
    assertThat(McpRevisions.unserved("2027-01-01", "abc", names2027)).isTrue();
    assertThat(McpRevisions.unserved("2027-01-01", null, STATELESS_CALL)).isTrue();
    assertThat(McpRevisions.unserved("2027-01-01", null, SESSION_CALL)).isTrue();
    assertThat(McpRevisions.unserved("2027-01-01", null, null)).isTrue();
    assertThat(McpRevisions.unserved("2026-07-28", null, null)).isFalse();
    assertThat(McpRevisions.unserved("2025-06-18", "abc", SESSION_CALL)).isFalse();
    assertThat(McpRevisions.unserved(null, null, null)).isFalse();
  }

  @Test
  void the_endpoint_serves_three_revisions_newest_first() {
    assertThat(McpRevisions.ALL).containsExactly("2026-07-28", "2025-11-25", "2025-06-18");
  }

  @Test
  void a_stateless_refusal_carries_the_same_text_and_problem_as_the_2025_one() {
    ProblemException problem =
        new ProblemException(
            429, "QUOTA_EXCEEDED", "Quota exceeded", "The month's calls are used.");

    CallToolResult cut = StatelessTools.refused(problem);

    var sessions = McpTools.refused(problem);
    assertThat(cut.isError()).isTrue();
    assertThat(cut.resultType()).isEqualTo("complete");
    assertThat(((TextContent) cut.content().get(0)).text())
        .isEqualTo(
            ((io.modelcontextprotocol.spec.McpSchema.TextContent) sessions.content().get(0))
                .text());
    assertThat(cut.meta()).isEqualTo(sessions.meta());
  }
}
