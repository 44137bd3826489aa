package io.claribi.credentials.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class FernetKeyTest {

  private static final String SPEC_KEY = "cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=";

  @Test
  void the_fingerprint_is_short_stable_and_not_the_key() {
    FernetKey cut = FernetKey.parse(SPEC_KEY);

    assertThat(cut.fingerprint()).matches("[0-9a-f]{16}");
    assertThat(FernetKey.parse(SPEC_KEY).fingerprint()).isEqualTo(cut.fingerprint());
    assertThat(SPEC_KEY).doesNotContain(cut.fingerprint());
    assertThat(cut.toString()).doesNotContain(SPEC_KEY).contains(cut.fingerprint());
  }

  @Test
  void different_keys_have_different_fingerprints() {
    SecureRandom random = new SecureRandom();

    assertThat(FernetKey.parse(FernetKey.generate(random)).fingerprint())
        .isNotEqualTo(FernetKey.parse(FernetKey.generate(random)).fingerprint());
  }

  @Test
  void a_short_key_is_refused_with_its_length_and_never_echoed() {
    String shortKey = Base64.getUrlEncoder().encodeToString(new byte[16]);

    assertThatThrownBy(() -> FernetKey.parse(shortKey))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("16 bytes")
        .hasMessageNotContaining(shortKey);
  }

  @Test
  void standard_base64_with_plus_and_slash_is_refused() {
    assertThatThrownBy(() -> FernetKey.parse("cw/0x689RpI+jtRR7oE8h/eQsKImvJapLeSbXpwF4e4="))
        .hasMessage("is not URL-safe base64");
  }
}
