package io.claribi.platform.control;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DevelopmentIssuerGuardTest {

  @Test
  void the_dev_issuer_alone_stops_the_start() {
    assertThatThrownBy(() -> DevelopmentIssuerGuard.check(DevelopmentIssuerGuard.DEV_ISSUER, false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("refusing");
  }

  @Test
  void the_dev_issuer_with_the_explicit_allowance_starts() {
    assertThatCode(() -> DevelopmentIssuerGuard.check(DevelopmentIssuerGuard.DEV_ISSUER, true))
        .doesNotThrowAnyException();
  }

  @Test
  void a_real_issuer_or_none_starts_without_the_allowance() {
    assertThatCode(() -> DevelopmentIssuerGuard.check("https://login.example", false))
        .doesNotThrowAnyException();
    assertThatCode(() -> DevelopmentIssuerGuard.check(null, false)).doesNotThrowAnyException();
  }
}
