package io.claribi.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityClaimsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "alice\u0000",
        "\u0000",
        "bob\nadmin",
        "tab\there",
        "del\u007f",
        "c1\u0085",
        "line\u2028sep",
        "lone\ud800",
        "\udc00low",
        ""
      })
  void names_with_control_characters_unpaired_surrogates_or_nothing_are_refused(String name) {
    assertThat(IdentityClaims.isAcceptable(name)).isFalse();
  }

  @Test
  void a_name_is_bounded_by_the_audit_actor_column() {
    assertThat(IdentityClaims.isAcceptable("a".repeat(255))).isTrue();
    assertThat(IdentityClaims.isAcceptable("a".repeat(256))).isFalse();
    assertThat(IdentityClaims.isAcceptable(null)).isFalse();
  }

  @Test
  void ordinary_and_non_ascii_names_pass() {
    assertThat(IdentityClaims.isAcceptable("user@acme.example")).isTrue();
    assertThat(IdentityClaims.isAcceptable("Zoë Ünal 山田 \ud83d\ude00")).isTrue();
  }

  @Test
  void names_the_first_bad_claim_and_ignores_absent_ones() {
    assertThat(IdentityClaims.firstInvalid("alice", null, null, null)).isEmpty();
    assertThat(IdentityClaims.firstInvalid("a\u0000", "ok", null, List.of())).contains("sub");
    assertThat(IdentityClaims.firstInvalid("alice", "x".repeat(300), null, null)).contains("upn");
    assertThat(IdentityClaims.firstInvalid("alice", null, "p\u0001", null))
        .contains("preferred_username");
    assertThat(IdentityClaims.firstInvalid("alice", null, null, List.of("org-admin", "g\u0000")))
        .contains("groups");
  }
}
