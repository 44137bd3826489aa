package io.claribi.gateway.boundary.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.gateway.boundary.ToolListing.CallableTool;
import io.claribi.gateway.boundary.mcp.McpToolNames.NamedTool;
import io.claribi.gateway.control.routing.SourceKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class McpToolNamesTest {

  private static final String ONE = "0f8e1c2a-1111-4a4a-8b8b-000000000001";
  private static final String TWO = "7c3d9b10-2222-4a4a-8b8b-000000000002";

  @Test
  void one_connection_to_a_vendor_gives_vendor_and_tool() {
    List<NamedTool> cut =
        McpToolNames.assign(
            List.of(
                mcp(ONE, "acme-payments", "list_customers"),
                mcp(ONE, "acme-payments", "get_customer")));

    assertThat(cut)
        .extracting(NamedTool::name)
        .containsExactly("acme-payments__get_customer", "acme-payments__list_customers");
  }

  @Test
  void several_connections_to_one_vendor_are_told_apart_by_their_ids() {
    List<NamedTool> cut =
        McpToolNames.assign(
            List.of(
                mcp(ONE, "acme-payments", "list_customers"),
                mcp(TWO, "acme-payments", "list_customers")));

    assertThat(cut)
        .extracting(NamedTool::name)
        .containsExactly(
            "acme-payments__0f8e1c2a__list_customers", "acme-payments__7c3d9b10__list_customers");
    assertThat(cut.get(0).tool().sourceId()).isEqualTo(ONE);
  }

  @Test
  void ids_that_share_eight_digits_get_as_many_as_tell_them_apart() {
    String twin = "0f8e1c2a-9999-4a4a-8b8b-000000000009";

    List<NamedTool> cut =
        McpToolNames.assign(
            List.of(mcp(ONE, "acme-payments", "x"), mcp(twin, "acme-payments", "x")));

    assertThat(cut)
        .extracting(NamedTool::name)
        .containsExactly("acme-payments__0f8e1c2a1__x", "acme-payments__0f8e1c2a9__x");
  }

  @Test
  void uploads_follow_the_same_rule() {
    CallableTool a =
        new CallableTool(SourceKind.UPLOAD, ONE, "upload", "query", "sales.csv", null, "{}");
    CallableTool b =
        new CallableTool(SourceKind.UPLOAD, TWO, "upload", "query", "costs.csv", null, "{}");

    assertThat(McpToolNames.assign(List.of(a)))
        .extracting(NamedTool::name)
        .containsExactly("upload__query");
    assertThat(McpToolNames.assign(List.of(a, b)))
        .extracting(NamedTool::name)
        .containsExactly("upload__0f8e1c2a__query", "upload__7c3d9b10__query");
  }

  @Test
  void names_mcp_does_not_allow_are_cleaned_and_kept_apart() {
    List<NamedTool> cut =
        McpToolNames.assign(
            List.of(
                mcp(ONE, "acme-payments", "list customers"),
                mcp(ONE, "acme-payments", "list/customers"),
                mcp(ONE, "acme-payments", "x".repeat(300))));

    assertThat(cut)
        .extracting(NamedTool::name)
        .allMatch(McpToolNames::isValid)
        .doesNotHaveDuplicates();
    assertThat(cut).extracting(NamedTool::name).allMatch(name -> name.length() <= 128);
    assertThat(cut.get(0).name()).startsWith("acme-payments__list_customers_");
  }

  @Test
  void the_order_does_not_depend_on_the_listing_order() {
    List<CallableTool> tools =
        new ArrayList<>(
            List.of(
                mcp(ONE, "acme-payments", "b"),
                mcp(TWO, "acme-payments", "a"),
                mcp(ONE, "jira", "c")));
    List<String> first = McpToolNames.assign(tools).stream().map(NamedTool::name).toList();
    Collections.reverse(tools);

    assertThat(McpToolNames.assign(tools)).extracting(NamedTool::name).isEqualTo(first).isSorted();
  }

  @Test
  void validity_follows_the_specification() {
    assertThat(McpToolNames.isValid("a.b-c_D9")).isTrue();
    assertThat(McpToolNames.isValid("")).isFalse();
    assertThat(McpToolNames.isValid("a b")).isFalse();
    assertThat(McpToolNames.isValid("x".repeat(129))).isFalse();
    assertThat(McpToolNames.isValid("list_\u0441ustomers")).isFalse();
  }

  private static CallableTool mcp(String connection, String vendor, String tool) {
    return new CallableTool(SourceKind.MCP_CONNECTION, connection, vendor, tool, null, null, "{}");
  }
}
