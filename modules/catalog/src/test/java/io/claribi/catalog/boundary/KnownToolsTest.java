package io.claribi.catalog.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KnownToolsTest {

  @Test
  void annotations_become_hints_in_the_vendors_order_strings_without_quotes() {
    assertThat(KnownTools.hints("{\"readOnlyHint\":true,\"title\":\"<b>x</b>\",\"n\":1}"))
        .containsExactly(
            Map.entry("readOnlyHint", "true"), Map.entry("title", "<b>x</b>"), Map.entry("n", "1"));
  }

  @Test
  void no_annotations_no_hints_and_anything_else_is_kept_as_text() {
    assertThat(KnownTools.hints(null)).isEmpty();
    assertThat(KnownTools.hints("[true]")).containsEntry("annotations", "[true]");
  }
}
