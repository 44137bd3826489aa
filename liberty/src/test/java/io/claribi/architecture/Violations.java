package io.claribi.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;

/** The one assertion of every counter-example: the rule rejects the violating fixture by name. */
final class Violations {

  private Violations() {}

  static void assertRuleCatches(ArchRule rule, JavaClasses classes, String offender) {
    assertThatThrownBy(() -> rule.check(classes))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(offender);
  }
}
