package io.claribi.gateway.boundary.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.gateway.boundary.ToolListing.CallableTool;
import io.claribi.gateway.control.routing.SourceKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fingerprint McpToolChanges compares: it changes exactly when tools/list would. */
class McpToolFingerprintTest {

  private static final String SCHEMA =
      "{\"type\":\"object\",\"properties\":{\"limit\":{\"type\":\"integer\"}}}";

  private static CallableTool tool(String connection, String name, String description) {
    return new CallableTool(
        SourceKind.MCP_CONNECTION, connection, "acme", name, "Title", description, SCHEMA);
  }

  private static String of(CallableTool... tools) {
    return McpTools.fingerprint(McpTools.asTools(McpToolNames.assign(List.of(tools))));
  }

  @Test
  void the_same_tools_in_another_order_have_the_same_fingerprint() {
    CallableTool a = tool("c1", "list_customers", "Lists customers.");
    CallableTool b = tool("c1", "retrieve_balance", "The balance.");

    assertThat(of(a, b)).isEqualTo(of(b, a));
  }

  @Test
  void a_tool_more_or_less_a_new_description_or_schema_change_it() {
    CallableTool a = tool("c1", "list_customers", "Lists customers.");
    CallableTool b = tool("c1", "retrieve_balance", "The balance.");
    String both = of(a, b);

    assertThat(of(a)).isNotEqualTo(both);
    assertThat(of(a, tool("c1", "retrieve_balance", "The balance, now with cards.")))
        .isNotEqualTo(both);
    assertThat(
            of(
                a,
                new CallableTool(
                    SourceKind.MCP_CONNECTION,
                    "c1",
                    "acme",
                    "retrieve_balance",
                    "Title",
                    "The balance.",
                    "{\"type\":\"object\",\"properties\":{}}")))
        .isNotEqualTo(both);
  }

  @Test
  void another_connection_to_the_same_vendor_changes_it_when_names_change() {
    CallableTool a = tool("c1", "list_customers", "Lists customers.");

    assertThat(of(a, tool("c2", "list_customers", "Lists customers."))).isNotEqualTo(of(a));
  }
}
