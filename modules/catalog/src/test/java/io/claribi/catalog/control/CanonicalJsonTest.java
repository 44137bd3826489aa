package io.claribi.catalog.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalJsonTest {

  static String cut(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return CanonicalJson.write(reader.readValue());
    }
  }

  @Test
  void sorts_keys_by_utf16_code_units_at_every_level() {
    assertThat(cut("{\"b\":[{\"z\":1,\"a\":2}],\"a\":null,\"\u00e9\":true,\"B\":false}"))
        .isEqualTo("{\"B\":false,\"a\":null,\"b\":[{\"a\":2,\"z\":1}],\"\u00e9\":true}");
  }

  @Test
  void escapes_only_what_json_requires() {
    assertThat(cut("\"q\\\" b\\\\ \\n\\t\\u0001 \\u00e9 \\u2028 /\""))
        .isEqualTo("\"q\\\" b\\\\ \\n\\t\\u0001 \u00e9 \u2028 /\"");
  }

  @ParameterizedTest
  @CsvSource({
    "1.0,1",
    "1e2,100",
    "-0.0,0",
    "0.50,0.5",
    "12345678901234567890,12345678901234567890"
  })
  void writes_numbers_by_value(String in, String out) {
    assertThat(cut(in)).isEqualTo(out);
  }
}
