package io.claribi.gateway.boundary.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.platform.api.ProblemException;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A refused call of a known tool is a result the model can read, carrying the problem's code. */
class McpRefusalsTest {

  @Test
  void a_problem_becomes_an_error_result_with_its_code() {
    CallToolResult cut =
        McpTools.refused(
            new ProblemException(
                400, "ARGUMENT_INVALID", "Invalid arguments", "customer_id is required."));

    assertThat(cut.isError()).isTrue();
    assertThat(((TextContent) cut.content().get(0)).text())
        .isEqualTo("ARGUMENT_INVALID: Invalid arguments. customer_id is required.");
    assertThat(cut.meta().get(McpTools.PROBLEM_META))
        .isEqualTo(
            Map.of(
                "status", 400,
                "code", "ARGUMENT_INVALID",
                "title", "Invalid arguments",
                "detail", "customer_id is required."));
  }

  @Test
  void the_metadata_url_is_the_path_suffixed_well_known_one() {
    McpSettings cut = new McpSettings();
    cut.resource = "https://claribi.example.com:8443/mcp";

    assertThat(cut.metadataUrl())
        .isEqualTo("https://claribi.example.com:8443/.well-known/oauth-protected-resource/mcp");
    cut.allowedOrigins = java.util.Optional.empty();
    assertThat(cut.allowedOrigins()).containsExactly("https://claribi.example.com:8443");
  }
}
