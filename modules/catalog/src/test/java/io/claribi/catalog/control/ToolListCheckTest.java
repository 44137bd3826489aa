package io.claribi.catalog.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claribi.catalog.api.DiscoveredTool;
import io.claribi.platform.api.ProblemException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ToolListCheckTest {

  static DiscoveredTool tool(String name) {
    return new DiscoveredTool(name, null, "d", "{\"type\":\"object\"}", null);
  }

  @Test
  void a_list_longer_than_the_maximum_is_refused_whole() {
    List<DiscoveredTool> tenThousand =
        IntStream.range(0, 10_000).mapToObj(i -> tool("t" + i)).toList();

    assertThatThrownBy(() -> ToolListCheck.fingerprinted(tenThousand, 2000))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("10000 tools")
        .extracting(e -> ((ProblemException) e).code(), e -> ((ProblemException) e).status())
        .containsExactly("VENDOR_TOOL_LIST_TOO_LARGE", 502);
  }

  @Test
  void names_that_differ_only_in_case_space_or_look_alikes_are_different_tools() {
    var cut =
        ToolListCheck.fingerprinted(
            List.of(
                tool("get_balance"),
                tool("Get_balance"),
                tool("get_balance "),
                tool("get\u200B_balance"),
                tool("g\u0435t_balance")),
            2000);

    assertThat(cut).hasSize(5);
    assertThat(cut.values()).doesNotHaveDuplicates();
  }

  @Test
  void the_same_name_twice_is_refused() {
    assertThatThrownBy(() -> ToolListCheck.fingerprinted(List.of(tool("a"), tool("a")), 10))
        .hasMessageContaining("listed twice");
  }

  @Test
  void over_long_fields_are_refused() {
    String longName = "n".repeat(ToolListCheck.MAX_NAME_CHARS + 1);
    String longDescription = "é".repeat(ToolListCheck.MAX_DESCRIPTION_BYTES / 2 + 1);
    String hugeSchema = "{\"d\":\"" + "x".repeat(ToolListCheck.MAX_SCHEMA_BYTES) + "\"}";

    assertThatThrownBy(() -> ToolListCheck.fingerprinted(List.of(tool(longName)), 10))
        .hasMessageContaining("name must be 1-256");
    assertThatThrownBy(
            () ->
                ToolListCheck.fingerprinted(
                    List.of(new DiscoveredTool("t", null, longDescription, "{}", null)), 10))
        .hasMessageContaining("description exceeds");
    assertThatThrownBy(
            () ->
                ToolListCheck.fingerprinted(
                    List.of(new DiscoveredTool("t", null, null, hugeSchema, null)), 10))
        .hasMessageContaining("input schema exceeds");
  }

  @Test
  void nul_characters_and_non_json_schemas_are_refused() {
    assertThatThrownBy(() -> ToolListCheck.fingerprinted(List.of(tool("a\u0000b")), 10))
        .hasMessageContaining("NUL");
    assertThatThrownBy(
            () ->
                ToolListCheck.fingerprinted(
                    List.of(new DiscoveredTool("t", null, null, "not json", null)), 10))
        .hasMessageContaining("not JSON");
    assertThatThrownBy(() -> ToolListCheck.fingerprinted(List.of(tool("")), 10))
        .isInstanceOf(ProblemException.class);
  }
}
