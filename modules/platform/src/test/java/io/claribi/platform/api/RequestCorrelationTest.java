package io.claribi.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestCorrelationTest {

  @Test
  void keeps_a_well_formed_incoming_id() {
    RequestCorrelation cut = new RequestCorrelation();

    cut.start("lb-7f3a9c21-0001", "10.0.0.7");

    assertThat(cut.requestId()).isEqualTo("lb-7f3a9c21-0001");
    assertThat(cut.clientAddress()).contains("10.0.0.7");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "short",
        "has space in it",
        "semi;colon-0000",
        "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"
      })
  void replaces_anything_else_with_a_fresh_id(String incoming) {
    RequestCorrelation cut = new RequestCorrelation();

    cut.start(incoming, null);

    assertThat(cut.requestId()).isNotEqualTo(incoming).matches("[0-9a-f-]{36}");
    assertThat(cut.clientAddress()).isEmpty();
  }

  @Test
  void an_id_longer_than_64_characters_is_replaced() {
    RequestCorrelation cut = new RequestCorrelation();

    cut.start("a".repeat(65), null);

    assertThat(cut.requestId()).hasSize(36);
  }
}
