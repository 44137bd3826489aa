package io.claribi.credentials.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeyRingTest {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void the_first_key_is_primary_and_every_key_is_found_by_fingerprint() {
    String newest = FernetKey.generate(RANDOM);
    String older = FernetKey.generate(RANDOM);

    KeyRing cut = KeyRing.parse("# rotated 2026-11-25\n" + newest + "\n\n" + older + "\n", "test");

    assertThat(cut.primary()).isEqualTo(FernetKey.parse(newest));
    assertThat(cut.fingerprints())
        .containsExactly(
            FernetKey.parse(newest).fingerprint(), FernetKey.parse(older).fingerprint());
    assertThat(cut.byFingerprint(FernetKey.parse(older).fingerprint()))
        .contains(FernetKey.parse(older));
    assertThat(cut.byFingerprint("0000000000000000")).isEmpty();
  }

  @Test
  void commas_separate_keys_as_newlines_do_for_environment_variables() {
    KeyRing cut =
        KeyRing.parse(FernetKey.generate(RANDOM) + "," + FernetKey.generate(RANDOM), "env");

    assertThat(cut.size()).isEqualTo(2);
  }

  @Test
  void an_empty_source_is_refused() {
    assertThatThrownBy(() -> KeyRing.parse("# nothing here\n\n", "key file /run/keys"))
        .isInstanceOf(KeyRingException.class)
        .hasMessage("key file /run/keys holds no key");
  }

  @Test
  void a_malformed_key_is_refused_naming_its_entry_but_not_its_text() {
    String good = FernetKey.generate(RANDOM);

    assertThatThrownBy(() -> KeyRing.parse(good + "\nnot*base64\n", "key file k"))
        .isInstanceOf(KeyRingException.class)
        .hasMessage("key file k, entry 2: the key is not URL-safe base64")
        .hasMessageNotContaining(good);
  }

  @Test
  void a_short_key_is_refused() {
    String shortKey = Base64.getUrlEncoder().encodeToString(new byte[24]);

    assertThatThrownBy(() -> KeyRing.parse(shortKey, "env"))
        .hasMessage("env, entry 1: the key decodes to 24 bytes; a Fernet key has exactly 32");
  }

  @Test
  void the_same_key_twice_is_refused() {
    String key = FernetKey.generate(RANDOM);

    assertThatThrownBy(
            () -> KeyRing.parse(key + "\n" + FernetKey.generate(RANDOM) + "\n" + key, "f"))
        .isInstanceOf(KeyRingException.class)
        .hasMessageContaining("entry 3: the same key as entry 1")
        .hasMessageNotContaining(key);
  }

  @Test
  void its_description_shows_fingerprints_only() {
    String key = FernetKey.generate(RANDOM);

    assertThat(KeyRing.parse(key, "env").toString())
        .doesNotContain(key)
        .contains(FernetKey.parse(key).fingerprint());
  }
}
