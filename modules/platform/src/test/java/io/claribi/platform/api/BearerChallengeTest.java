package io.claribi.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BearerChallengeTest {

  @Test
  void reads_quoted_and_bare_parameters_of_the_bearer_challenge() {
    var cut =
        BearerChallenge.parse(
                "Bearer error=\"invalid_token\", scope=\"payments:read files:read\","
                    + " resource_metadata=https://mcp.example.com/.well-known/oauth-protected-resource")
            .orElseThrow();

    assertThat(cut.error()).hasValue("invalid_token");
    assertThat(cut.scope()).hasValue("payments:read files:read");
    assertThat(cut.resourceMetadata())
        .hasValue("https://mcp.example.com/.well-known/oauth-protected-resource");
  }

  @Test
  void skips_other_schemes_and_matches_names_without_case() {
    var cut =
        BearerChallenge.parse(
                "Basic realm=\"x\", DPoP algs=\"ES256\", bearer Resource_Metadata=\"https://a/b\"")
            .orElseThrow();

    assertThat(cut.resourceMetadata()).hasValue("https://a/b");
  }

  @Test
  void unescapes_quoted_pairs() {
    var cut = BearerChallenge.parse("Bearer error_description=\"a \\\"quoted\\\" word\"");

    assertThat(cut.orElseThrow().parameters())
        .containsEntry("error_description", "a \"quoted\" word");
  }

  @Test
  void a_header_without_bearer_is_no_challenge() {
    assertThat(BearerChallenge.parse("Basic realm=\"x\"")).isEmpty();
    assertThat(BearerChallenge.parse("")).isEmpty();
    assertThat(BearerChallenge.parse(null)).isEmpty();
  }

  @Test
  void a_bare_bearer_has_no_parameters() {
    assertThat(BearerChallenge.parse("Bearer").orElseThrow().parameters()).isEmpty();
  }
}
