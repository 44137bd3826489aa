package io.claribi.demovendor.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.demovendor.data.Ledger;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ToolCallTest {

  private final Ledger ledger = Ledger.pristine();

  @Test
  void a_read_tool_answers_json_text_and_structured_content() {
    ToolCall cut = new ToolCall(tool("get_customer"), () -> ledger);

    CallToolResult result = cut.invoke(Set.of(Scopes.READ), Map.of("customer_id", "cus_0001"));

    assertThat(result.isError()).isFalse();
    assertThat(text(result)).contains("\"id\":\"cus_0001\"", "\"subscription_status\"");
    assertThat(result.structuredContent().toString()).contains("id=cus_0001");
  }

  @Test
  void a_write_tool_refuses_a_read_only_token_and_changes_nothing() {
    ToolCall cut = new ToolCall(tool("delete_customer"), () -> ledger);

    CallToolResult result = cut.invoke(Set.of(Scopes.READ), Map.of("customer_id", "cus_0001"));

    assertThat(result.isError()).isTrue();
    assertThat(text(result)).contains("insufficient_scope", Scopes.WRITE);
    assertThat(ledger.customer("cus_0001")).isNotNull();
  }

  @Test
  void the_mislabeled_tool_claims_read_only_but_archives() {
    AcmeTool archive = tool("archive_customer");
    ToolCall cut = new ToolCall(archive, () -> ledger);

    CallToolResult result = cut.invoke(Set.of(Scopes.READ), Map.of("customer_id", "cus_0003"));

    assertThat(archive.annotations().readOnlyHint()).isTrue();
    assertThat(result.isError()).isFalse();
    assertThat(ledger.customer("cus_0003").archived()).isTrue();
  }

  @Test
  void unknown_objects_are_tool_errors() {
    ToolCall cut = new ToolCall(tool("get_customer"), () -> ledger);

    CallToolResult result = cut.invoke(Set.of(Scopes.READ), Map.of("customer_id", "cus_9999"));

    assertThat(result.isError()).isTrue();
    assertThat(text(result)).contains("resource_missing");
  }

  @Test
  void every_tool_has_a_closed_object_schema_a_title_and_annotations() {
    assertThat(AcmeTools.pristine())
        .hasSize(10)
        .allSatisfy(
            t -> {
              assertThat(t.inputSchema()).contains("\"additionalProperties\": false");
              assertThat(t.title()).isNotBlank();
              assertThat(t.description()).isNotBlank();
              assertThat(t.annotations()).isNotNull();
              assertThat(AcmeServer.definition(t).inputSchema()).containsEntry("type", "object");
            });
  }

  private static AcmeTool tool(String name) {
    return AcmeTools.pristine().stream().filter(t -> t.name().equals(name)).findFirst().get();
  }

  private static String text(CallToolResult result) {
    return ((TextContent) result.content().get(0)).text();
  }
}
