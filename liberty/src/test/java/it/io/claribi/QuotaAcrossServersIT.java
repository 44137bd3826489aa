package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two servers on one PostgreSQL database count one organization's tool calls exactly: 64 callers,
 * half on each server, with N calls left, admit exactly N. The second server is a copy of the one
 * under test (same application, keys and settings, another port). PostgreSQL only: the embedded
 * Derby database of the Derby phase belongs to one server.
 */
class QuotaAcrossServersIT {

  private static final int PORT = Integer.getInteger("claribi.http.port", 9080) + 5;
  private static final String SECOND = "http://localhost:" + PORT;

  private static LibertyServer second;

  @BeforeAll
  static void startASecondServerOnTheSameDatabase() throws Exception {
    assumeTrue(
        "postgresql".equals(System.getProperty("claribi.db.kind")),
        "PostgreSQL profile only: two servers cannot share an embedded Derby database");
    Api.awaitTokensAccepted(Duration.ofSeconds(60));
    LibertyServer first = LibertyServer.underTest();
    second = LibertyServer.copyOfUnderTest(first.directory().getFileName() + "-2");
    // the same token key, credential key and settings as the first server
    second.copyFrom(first, "configDropins");
    second.copyFrom(first, "resources");
    // the build writes the ports into an override, which wins over the environment
    Path ports =
        second.directory().resolve("configDropins/overrides/liberty-plugin-variable-config.xml");
    if (Files.exists(ports)) {
      Files.writeString(
          ports,
          Files.readString(ports)
              .replaceAll(
                  "name=\"http.port\" value=\"\\d+\"", "name=\"http.port\" value=\"" + PORT + "\"")
              .replaceAll(
                  "name=\"https.port\" value=\"\\d+\"",
                  "name=\"https.port\" value=\"" + (PORT + 1) + "\"")
              // Both nodes share this machine's PostgreSQL (100 connections) while the first keeps
              // up to 24 + 56: the second's pools stay small enough for its 16 calls at a time.
              .replaceAll(
                  "name=\"db.pool.size\" value=\"\\d+\"", "name=\"db.pool.size\" value=\"8\"")
              .replaceAll(
                  "name=\"fence.pool.size\" value=\"\\d+\"",
                  "name=\"fence.pool.size\" value=\"20\""));
    }
    List<String> environment = new ArrayList<>();
    for (String line : Files.readAllLines(first.directory().resolve("server.env"))) {
      if (!line.startsWith("HTTP_PORT=")
          && !line.startsWith("HTTPS_PORT=")
          && !line.startsWith("CLARIBI_GATEWAY_MAX_CONCURRENT_CALLS_PER_ORGANIZATION=")) {
        environment.add(line);
      }
    }
    environment.add("HTTP_PORT=" + PORT);
    // Two nodes on this machine's PostgreSQL (100 connections): the second node's bulkhead keeps
    // its share of fence and pool connections small; the callers retry its 429s as clients do.
    environment.add("CLARIBI_GATEWAY_MAX_CONCURRENT_CALLS_PER_ORGANIZATION=16");
    environment.add("HTTPS_PORT=" + (PORT + 1));
    second.prepare(environment);
    second.start();
    LibertyServer.awaitReady(SECOND, Duration.ofSeconds(180));
  }

  @AfterAll
  static void discardTheSecondServer() throws Exception {
    if (second != null) {
      second.discard();
    }
  }

  @Test
  void sixty_four_callers_on_two_servers_with_n_calls_left_admit_exactly_n() throws Exception {
    String admin = Gateway.organizationOn(Api.newOrganization("quota-two"), "TRIAL");
    String connection = Consent.connect(admin, QuotaIT.TOOL);
    int before = 10;
    for (int i = 0; i < before; i++) {
      assertThat(callOnSecond(admin, connection).status()).isEqualTo(200);
    }
    DemoVendor.clearLog();

    AtomicInteger turn = new AtomicInteger();
    List<Api.Reply> replies =
        QuotaIT.concurrently(
            QuotaIT.CALLERS,
            () ->
                turn.getAndIncrement() % 2 == 0
                    ? QuotaIT.call(admin, connection)
                    : callOnSecond(admin, connection));

    int left = QuotaIT.TRIAL_QUOTA - before;
    assertThat(replies).filteredOn(r -> r.status() == 200).hasSize(left);
    assertThat(replies.stream().filter(r -> r.status() != 200).toList())
        .hasSize(QuotaIT.CALLERS - left)
        .allSatisfy(QuotaIT::isQuotaExceeded);
    assertThat(DemoVendor.toolCallsFor(QuotaIT.TOOL)).isEqualTo(left);
    assertThat(QuotaIT.usage(admin).getJsonNumber("used").longValue())
        .isEqualTo(QuotaIT.TRIAL_QUOTA);
    QuotaIT.isQuotaExceeded(callOnSecond(admin, connection));
  }

  private static Api.Reply callOnSecond(String token, String connection) {
    return QuotaIT.retryingWhileBusy(() -> sendToSecond(token, connection));
  }

  private static Api.Reply sendToSecond(String token, String connection) {
    JsonObject body =
        Json.createObjectBuilder()
            .add("connectionId", connection)
            .add("tool", QuotaIT.TOOL)
            .add("arguments", Json.createObjectBuilder())
            .build();
    return Api.send(
        HttpRequest.newBuilder(URI.create(SECOND + "/api/v1/tools/call"))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }
}
