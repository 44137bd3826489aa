package io.claribi.gateway.boundary.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Header values as the transports see them: without the whitespace RFC 9110 excludes. */
class BufferedRequestTest {

  @Test
  void leading_and_trailing_spaces_and_tabs_are_not_part_of_the_value() {
    assertThat(BufferedRequest.trimmed("  acme-payments__get_customer  "))
        .isEqualTo("acme-payments__get_customer");
    assertThat(BufferedRequest.trimmed("\ttools/call \t")).isEqualTo("tools/call");
    assertThat(BufferedRequest.trimmed("a b")).isEqualTo("a b");
    assertThat(BufferedRequest.trimmed(" \t ")).isEmpty();
    assertThat(BufferedRequest.trimmed(null)).isNull();
  }

  @Test
  void other_characters_are_kept_so_a_mismatch_still_shows() {
    assertThat(BufferedRequest.trimmed("\ntools/call")).isEqualTo("\ntools/call");
    assertThat(BufferedRequest.trimmed("TOOLS/LIST")).isEqualTo("TOOLS/LIST");
  }
}
