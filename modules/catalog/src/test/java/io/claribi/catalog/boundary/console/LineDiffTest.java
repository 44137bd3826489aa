package io.claribi.catalog.boundary.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.catalog.boundary.console.LineDiff.Kind;
import io.claribi.catalog.boundary.console.LineDiff.Line;
import org.junit.jupiter.api.Test;

class LineDiffTest {

  @Test
  void every_line_of_both_texts_in_order_marked_same_removed_or_added() {
    String approved = "{\n  \"a\": 1,\n  \"b\": 2,\n  \"c\": 3\n}";
    String now = "{\n  \"a\": 1,\n  \"b\": 20,\n  \"c\": 3,\n  \"d\": 4\n}";

    assertThat(LineDiff.of(approved, now))
        .containsExactly(
            new Line(Kind.SAME, "{"),
            new Line(Kind.SAME, "  \"a\": 1,"),
            new Line(Kind.REMOVED, "  \"b\": 2,"),
            new Line(Kind.REMOVED, "  \"c\": 3"),
            new Line(Kind.ADDED, "  \"b\": 20,"),
            new Line(Kind.ADDED, "  \"c\": 3,"),
            new Line(Kind.ADDED, "  \"d\": 4"),
            new Line(Kind.SAME, "}"));
  }

  @Test
  void text_is_kept_as_it_is_for_the_page_to_escape() {
    assertThat(LineDiff.of("<b>x</b>\nsame", "<script>\nsame"))
        .extracting(Line::getSign, Line::getText, Line::getKind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("−", "<b>x</b>", "removed"),
            org.assertj.core.groups.Tuple.tuple("+", "<script>", "added"),
            org.assertj.core.groups.Tuple.tuple(" ", "same", "same"));
  }

  @Test
  void only_fields_of_more_than_one_line_get_one() {
    assertThat(LineDiff.worthShowing("one", "two")).isFalse();
    assertThat(LineDiff.worthShowing("one", "two\nthree")).isTrue();
    assertThat(new FieldChange("Description", "old", "new").getLines()).isEmpty();
  }
}
