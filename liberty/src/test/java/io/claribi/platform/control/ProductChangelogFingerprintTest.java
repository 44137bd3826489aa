package io.claribi.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The product's master changelog keeps the form the start-up fast path can fingerprint (plain
 * includes only, decision 0045); otherwise every start of every node would pay for Liquibase again
 * without anyone noticing.
 */
class ProductChangelogFingerprintTest {

  @Test
  void the_master_changelog_has_a_fingerprint() {
    assertThat(
            ChangelogFingerprint.of(
                ProductChangelogFingerprintTest.class.getClassLoader(), SchemaMigration.CHANGELOG))
        .isPresent();
  }
}
