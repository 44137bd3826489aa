package io.claribi.gateway.control.nativeapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.claribi.gateway.control.nativeapi.violations.WritingThroughTheBuilder;
import org.junit.jupiter.api.Test;

/** The read-only rules are not vacuous: a class that writes breaks each of them. */
class NativeReadOnlyRulesCanFailTest {

  final JavaClasses cut = new ClassFileImporter().importClasses(WritingThroughTheBuilder.class);

  @Test
  void a_delete_or_method_call_breaks_the_writing_verb_rule() {
    assertThat(
            NativeReadOnlyArchitectureTest.no_native_code_names_a_writing_verb
                .evaluate(cut)
                .hasViolation())
        .isTrue();
  }

  @Test
  void a_post_outside_the_read_only_api_breaks_the_post_rule() {
    assertThat(
            NativeReadOnlyArchitectureTest.only_the_read_only_api_posts
                .evaluate(cut)
                .hasViolation())
        .isTrue();
  }
}
