package io.claribi.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditTextTest {

  @Test
  void look_alike_names_read_differently() {
    assertThat(AuditText.visible("list_customers")).isEqualTo("list_customers");
    assertThat(AuditText.visible("list_customers\u200b")).isEqualTo("list_customers\\u200b");
    assertThat(AuditText.visible("list_\u0441ustomers")).isEqualTo("list_\\u0441ustomers");
    assertThat(AuditText.visible("a\\u0041")).isEqualTo("a\\u005cu0041");
  }

  @Test
  void long_names_are_bounded() {
    assertThat(AuditText.visible("\u0000".repeat(1000))).hasSize(AuditText.MAX);
  }
}
