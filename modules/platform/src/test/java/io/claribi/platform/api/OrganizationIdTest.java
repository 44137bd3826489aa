package io.claribi.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrganizationIdTest {

  @ParameterizedTest
  @ValueSource(strings = {"acme", "a", "Org-1", "org_2.eu", "0abc"})
  void accepts_safe_identifiers(String value) {
    assertThat(new OrganizationId(value).value()).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "-acme",
        ".acme",
        "acme corp",
        "acme/beta",
        "acme'--",
        "ａｃｍｅ",
        "a1234567890123456789012345678901234567890123456789012345678901234"
      })
  void rejects_anything_else(String value) {
    assertThatThrownBy(() -> new OrganizationId(value))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(OrganizationId.isValid(value)).isFalse();
  }
}
