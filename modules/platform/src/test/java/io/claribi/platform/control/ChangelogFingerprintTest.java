package io.claribi.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChangelogFingerprintTest {

  private static final ClassLoader LOADER = ChangelogFingerprintTest.class.getClassLoader();
  private static final String DIR = "db/changelog/fingerprint/";

  @Test
  void the_same_files_give_the_same_fingerprint_and_another_file_another() {
    String one = ChangelogFingerprint.of(LOADER, DIR + "one.xml").orElseThrow();

    assertThat(ChangelogFingerprint.of(LOADER, DIR + "one.xml")).contains(one);
    assertThat(one).hasSize(64).matches("[0-9a-f]+");
    assertThat(ChangelogFingerprint.of(LOADER, DIR + "two.xml").orElseThrow()).isNotEqualTo(one);
  }

  @Test
  void a_change_set_file_is_not_a_master_and_gets_none() {
    assertThat(ChangelogFingerprint.of(LOADER, "db/changelog/platform/001-schema-fingerprint.xml"))
        .as("a change set, not a master of includes")
        .isEmpty();
  }

  @Test
  void includes_are_read_in_order() throws Exception {
    String master =
        "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\">"
            + "<!-- comments are fine --><include file=\"b.xml\"/><include file=\"a.xml\"/>"
            + "</databaseChangeLog>";

    assertThat(ChangelogFingerprint.includes(master.getBytes(StandardCharsets.UTF_8)))
        .hasValueSatisfying(files -> assertThat(files).containsExactly("b.xml", "a.xml"));
  }

  @Test
  void a_changelog_that_is_not_only_plain_includes_gets_none_so_liquibase_always_runs() {
    assertThat(ChangelogFingerprint.of(LOADER, DIR + "include-all.xml")).isEmpty();
    assertThat(ChangelogFingerprint.of(LOADER, DIR + "relative.xml")).isEmpty();
    assertThat(ChangelogFingerprint.of(LOADER, DIR + "no-such-file.xml")).isEmpty();
  }

  @Test
  void a_master_that_includes_a_missing_file_gets_none() throws Exception {
    String master =
        "<databaseChangeLog><include file=\"" + DIR + "gone.xml\"/></databaseChangeLog>";
    assertThat(ChangelogFingerprint.includes(master.getBytes(StandardCharsets.UTF_8))).isPresent();
    assertThat(ChangelogFingerprint.of(LOADER, DIR + "missing-include.xml")).isEmpty();
  }
}
