package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;

/** What every error response of the API must look like. */
final class Problems {

  private Problems() {}

  static void assertProblem(Api.Reply reply, int status, String code) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().getString("code")).isEqualTo(code);
    assertThat(reply.json().getInt("status")).isEqualTo(status);
    assertThat(reply.json().getString("title")).isNotBlank();
    assertThat(reply.body()).doesNotContain("Exception", "\tat ", "java.", "SQL");
  }
}
