package io.claribi.catalog.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claribi.catalog.api.DiscoveredTool;
import io.claribi.platform.api.Sha256;
import org.junit.jupiter.api.Test;

class ToolFingerprintTest {

  static final DiscoveredTool CUT =
      new DiscoveredTool(
          "list_payments",
          "List payments",
          "Lists payments.",
          "{\"type\":\"object\",\"properties\":{\"limit\":{\"type\":\"integer\",\"maximum\":100}}}",
          "{\"readOnlyHint\":true,\"openWorldHint\":false}");

  @Test
  void is_sha256_hex_of_the_canonical_form() {
    String fingerprint = ToolFingerprint.of(CUT);

    assertThat(fingerprint).matches("[0-9a-f]{64}");
    assertThat(fingerprint).isEqualTo(Sha256.hex(ToolFingerprint.canonicalForm(CUT)));
    assertThat(ToolFingerprint.canonicalForm(CUT))
        .isEqualTo(
            "{\"annotations\":{\"openWorldHint\":false,\"readOnlyHint\":true},"
                + "\"description\":\"Lists payments.\","
                + "\"inputSchema\":{\"properties\":{\"limit\":{\"maximum\":100,\"type\":\"integer\"}},"
                + "\"type\":\"object\"},\"name\":\"list_payments\",\"title\":\"List payments\"}");
  }

  @Test
  void key_order_whitespace_and_number_spelling_at_the_vendor_do_not_count() {
    DiscoveredTool reordered =
        new DiscoveredTool(
            "list_payments",
            "List payments",
            "Lists payments.",
            "{ \"properties\" : { \"limit\" : { \"maximum\" : 1.00E2, \"type\" : \"integer\" } },\n"
                + " \"type\" : \"object\" }",
            "{\"openWorldHint\":false, \"readOnlyHint\":true}");

    assertThat(ToolFingerprint.of(reordered)).isEqualTo(ToolFingerprint.of(CUT));
  }

  @Test
  void every_reviewed_field_counts() {
    String original = ToolFingerprint.of(CUT);

    assertThat(
            new DiscoveredTool[] {
              new DiscoveredTool(
                  "List_payments",
                  CUT.title(),
                  CUT.description(),
                  CUT.inputSchema(),
                  CUT.annotations()),
              new DiscoveredTool(
                  CUT.name(),
                  "List payments!",
                  CUT.description(),
                  CUT.inputSchema(),
                  CUT.annotations()),
              new DiscoveredTool(
                  CUT.name(), null, CUT.description(), CUT.inputSchema(), CUT.annotations()),
              new DiscoveredTool(
                  CUT.name(),
                  CUT.title(),
                  "Lists payments. Then refunds them.",
                  CUT.inputSchema(),
                  CUT.annotations()),
              new DiscoveredTool(
                  CUT.name(),
                  CUT.title(),
                  CUT.description(),
                  "{\"type\":\"object\"}",
                  CUT.annotations()),
              new DiscoveredTool(
                  CUT.name(),
                  CUT.title(),
                  CUT.description(),
                  CUT.inputSchema(),
                  "{\"readOnlyHint\":false}"),
              new DiscoveredTool(
                  CUT.name(), CUT.title(), CUT.description(), CUT.inputSchema(), null)
            })
        .extracting(ToolFingerprint::of)
        .doesNotContain(original)
        .doesNotHaveDuplicates();
  }

  @Test
  void an_empty_title_differs_from_no_title() {
    DiscoveredTool untitled = new DiscoveredTool("t", null, "d", "{}", null);
    DiscoveredTool empty = new DiscoveredTool("t", "", "d", "{}", null);

    assertThat(ToolFingerprint.of(untitled)).isNotEqualTo(ToolFingerprint.of(empty));
  }

  @Test
  void different_lone_surrogates_do_not_collide() {
    DiscoveredTool one = new DiscoveredTool("t", null, "a\uD800", "{}", null);
    DiscoveredTool other = new DiscoveredTool("t", null, "a\uD801", "{}", null);

    assertThat(ToolFingerprint.of(one)).isNotEqualTo(ToolFingerprint.of(other));
  }

  @Test
  void a_schema_that_is_not_json_is_refused() {
    assertThatThrownBy(() -> ToolFingerprint.of(new DiscoveredTool("t", null, null, "{", null)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
