package io.claribi.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.platform.api.ProblemException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The strict body rules, attacked with the fuzzer's findings. */
class JsonBodiesTest {

  record Read(String uri, int limit, boolean deep, List<String> tags, JsonObject arguments) {}

  static JsonValue parse(String body) {
    return JsonBodies.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
  }

  static ProblemException refused(Runnable reading) {
    try {
      reading.run();
    } catch (ProblemException problem) {
      assertThat(problem.status()).isEqualTo(400);
      return problem;
    }
    throw new AssertionError("accepted");
  }

  @Test
  void one_document_with_white_space_around_it_is_read() {
    assertThat(parse(" {\"uri\":\"a\"}\n\t ").asJsonObject().getString("uri")).isEqualTo("a");
  }

  @Test
  void trailing_garbage_and_a_second_document_are_malformed() {
    for (String body : List.of("{\"a\":1}x", "{\"a\":1}{\"a\":2}", "{\"a\":1} []", "[] 1", "")) {
      assertThat(refused(() -> parse(body)).code()).as(body).isEqualTo("MALFORMED_JSON");
    }
  }

  @Test
  void a_control_character_anywhere_is_text_invalid_and_not_echoed() {
    for (String body :
        List.of(
            "{\"uri\":\"a\\u0000b\"}",
            "{\"tags\":[\"ok\",\"\\u001b[31m\"]}",
            "{\"arguments\":{\"deep\":{\"x\":\"\\u0085\"}}}",
            "{\"a\\u0000\":1}",
            "{\"uri\":\"\\ud800\"}")) {
      ProblemException problem = refused(() -> JsonBodies.requirePrintable(parse(body), ""));
      assertThat(problem.code()).as(body).isEqualTo("TEXT_INVALID");
      assertThat(problem.detail()).doesNotContain("\u0000").doesNotContain("\u001b");
    }
    assertThat(
            refused(() -> JsonBodies.requirePrintable(parse("{\"uri\":\"a\\u0000\"}"), ""))
                .detail())
        .contains("/uri", "U+0000");
  }

  @Test
  void tabs_line_breaks_and_characters_beyond_the_basic_plane_are_text() {
    JsonBodies.requirePrintable(parse("{\"uri\":\"a\\tb\\r\\nc \\ud83d\\ude00 é\"}"), "");
  }

  @Test
  void a_number_or_boolean_for_a_string_is_refused_not_converted() {
    for (String body :
        List.of("{\"uri\":42}", "{\"uri\":true}", "{\"uri\":{}}", "{\"tags\":[1]}")) {
      ProblemException problem =
          refused(() -> JsonBodies.requireShape(parse(body), Read.class, ""));
      assertThat(problem.code()).as(body).isEqualTo("MALFORMED_JSON");
      assertThat(problem.detail()).contains("must be a string");
    }
  }

  @Test
  void every_field_type_is_held_to_its_json_type() {
    assertThat(
            refused(() -> JsonBodies.requireShape(parse("{\"limit\":\"5\"}"), Read.class, ""))
                .detail())
        .contains("/limit", "a number");
    assertThat(
            refused(() -> JsonBodies.requireShape(parse("{\"deep\":\"true\"}"), Read.class, ""))
                .detail())
        .contains("true or false");
    assertThat(
            refused(() -> JsonBodies.requireShape(parse("{\"arguments\":[]}"), Read.class, ""))
                .detail())
        .contains("an object");
    assertThat(refused(() -> JsonBodies.requireShape(parse("[]"), Read.class, "")).detail())
        .contains("request body must be an object");
  }

  @Test
  void well_typed_bodies_nulls_and_unknown_members_pass() {
    JsonBodies.requireShape(
        parse(
            "{\"uri\":\"x\",\"limit\":5,\"deep\":false,\"tags\":[\"a\",null],"
                + "\"arguments\":{\"n\":1},\"unknown\":7}"),
        Read.class,
        "");
    JsonBodies.requireShape(parse("{\"uri\":null}"), Read.class, "");
  }
}
