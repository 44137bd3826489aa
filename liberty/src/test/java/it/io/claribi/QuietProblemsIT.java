package it.io.claribi;

import static it.io.claribi.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Expected problems (4xx) are answered as problem details and leave no trace above INFO: no
 * first-failure data capture, no warning, no stack trace. And what the servlet container answers
 * under /api/v1 (a path it will not map) is a problem detail too, not the server's own page.
 */
class QuietProblemsIT {

  private static final Path LOGS = LibertyServer.underTest().directory().resolve("logs");

  private final String org = Api.newOrganization("quiet");
  private final String admin = Api.token(org, "org-admin", "integrator");

  @Test
  void probing_for_missing_and_invalid_things_writes_no_incident_and_no_warning()
      throws IOException, InterruptedException {
    // What the previous test class left behind (its test WAR being removed) is not this probe's.
    awaitQuietLog(Duration.ofSeconds(2), Duration.ofSeconds(30));
    long logBefore = Files.size(LOGS.resolve("messages.log"));
    long launched = serverLaunched();

    for (int round = 0; round < 3; round++) {
      probe();
    }

    String added = logAfter(logBefore);
    assertThat(added.lines().filter(QuietProblemsIT::aboveInfo).toList())
        .as("messages.log lines above INFO written while probing")
        .isEmpty();
    assertThat(added).doesNotContain("FFDC1015I", "\tat ");
    assertThat(
            incidentsSince(
                launched, "ProblemException", "NotFoundException", "ConstraintViolation"))
        .as("FFDC incidents of expected problems")
        .isEmpty();
  }

  @Test
  void paths_the_container_refuses_under_the_api_are_problem_details() {
    for (String path :
        List.of(
            "/api/v1/..%2fconsole/",
            "/api/v1/a%2fb", "/api/v1/%2e%2e/console/", "/api/v1/connections/%ff")) {
      Api.Reply reply = Api.send(Api.request(path, admin).GET());
      assertThat(reply.status()).as(path + " " + reply).isBetween(400, 404);
      assertProblem(reply, reply.status(), reply.json().getString("code"));
      assertThat(reply.body()).doesNotContain("<html", "SRVE", "CWWWC", "Liberty");
    }
  }

  /**
   * The one case Liberty answers itself, before any application code or error page: NUL in the
   * path. Documented in docs/api.md; this pins that it stays a plain 400 (no 500, no stack trace)
   * and tells us if a Liberty upgrade ever hands it to the application.
   */
  @Test
  void a_nul_in_the_path_is_refused_by_liberty_itself_with_a_plain_400() {
    Api.Reply reply = Api.send(Api.request("/api/v1/connections/%00", admin).GET());

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.contentType()).startsWith("text/html");
    assertThat(reply.body()).contains("CWWWC0005I").doesNotContain("\tat ", "Exception");
  }

  private void probe() {
    String operator = Api.token("platform", "platform-operator");
    assertProblem(Api.get("/api/v1/connections/" + UUID.randomUUID(), admin), 404, "NOT_FOUND");
    assertProblem(Api.get("/api/v1/uploads/" + UUID.randomUUID(), admin), 404, "NOT_FOUND");
    assertProblem(Api.get("/api/v1/catalog/vendors/no-such-vendor", admin), 404, "NOT_FOUND");
    assertProblem(
        Api.get("/api/v1/organization/plan-changes/" + UUID.randomUUID(), admin), 404, "NOT_FOUND");
    assertProblem(Api.get("/api/v1/no/such/resource", admin), 404, "NOT_FOUND");
    assertProblem(Api.delete("/api/v1/connections/" + UUID.randomUUID(), admin), 404, "NOT_FOUND");
    assertProblem(
        Api.put("/api/v1/organizations/" + org, operator, "{\"name\":\"Q\",\"plan\":\"GOLD\"}"),
        400,
        "VALIDATION_FAILED");
    assertProblem(
        Api.put("/api/v1/organizations/" + org, admin, "{\"name\":\"Q\",\"plan\":\"LITE\"}"),
        403,
        "FORBIDDEN");
    assertProblem(Api.post("/api/v1/connections", admin, "{\"vendor\":"), 400, "MALFORMED_JSON");
    assertProblem(
        Api.post("/api/v1/connections", admin, "{\"vendor\":\"x\\u0000\"}"), 400, "TEXT_INVALID");
    assertProblem(Api.get("/api/v1/organization/plan-changes/x", admin), 400, "VALIDATION_FAILED");
    assertProblem(
        Api.send(
            HttpRequest.newBuilder(URI.create(Api.BASE + "/api/v1/organization"))
                .header("Authorization", "Bearer not-a-token")),
        401,
        "AUTHENTICATION_REQUIRED");
  }

  /** Waits (at most {@code limit}) until messages.log has not grown for {@code quiet}. */
  private static void awaitQuietLog(Duration quiet, Duration limit)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    long size = Files.size(LOGS.resolve("messages.log"));
    long stableSince = System.nanoTime();
    while (System.nanoTime() < deadline && System.nanoTime() - stableSince < quiet.toNanos()) {
      Thread.sleep(200);
      long now = Files.size(LOGS.resolve("messages.log"));
      if (now != size) {
        size = now;
        stableSince = System.nanoTime();
      }
    }
  }

  private static boolean aboveInfo(String line) {
    return line.matches("^\\[[^]]+] \\S+ \\S+\\s+[WEF] .*");
  }

  private static String logAfter(long offset) throws IOException {
    byte[] all = Files.readAllBytes(LOGS.resolve("messages.log"));
    return new String(
        all,
        (int) Math.min(offset, all.length),
        (int) Math.max(0, all.length - offset),
        StandardCharsets.UTF_8);
  }

  /**
   * When the server under test was launched (the first line of messages.log): an incident is
   * written once per kind and server run, so every incident of this run counts, not only the
   * probe's.
   */
  private static long serverLaunched() throws IOException {
    try (Stream<String> lines = Files.lines(LOGS.resolve("messages.log"))) {
      String first = lines.filter(l -> l.contains("CWWKE0001I")).findFirst().orElseThrow();
      String stamp = first.substring(1, first.indexOf(']'));
      return java.time.ZonedDateTime.parse(
              stamp,
              java.time.format.DateTimeFormatter.ofPattern(
                  "M/d/yy, H:mm:ss:SSS z", java.util.Locale.ENGLISH))
          .toInstant()
          .toEpochMilli();
    }
  }

  /** Incident files written since a time (the logs folder outlives a server run). */
  private static List<Path> incidentsSince(long millis, String... exceptions) throws IOException {
    Path ffdc = LOGS.resolve("ffdc");
    if (!Files.isDirectory(ffdc)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(ffdc)) {
      return files
          .filter(f -> f.getFileName().toString().startsWith("ffdc_"))
          .filter(f -> f.toFile().lastModified() >= millis)
          .filter(
              f -> {
                try {
                  String head = Files.readString(f, StandardCharsets.ISO_8859_1);
                  return Stream.of(exceptions)
                      .anyMatch(
                          e ->
                              head.contains("Exception = ")
                                  && head.lines().limit(3).anyMatch(l -> l.contains(e)));
                } catch (IOException unreadable) {
                  return false;
                }
              })
          .toList();
    }
  }
}
