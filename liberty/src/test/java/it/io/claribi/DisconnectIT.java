package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A connection's life after the connect, against the demo vendor and its real authorization server
 * (access tokens of 75 s, rotating refresh tokens): refreshed once by many concurrent calls, then
 * disconnected and its grant revoked at the vendor, after which a dump of the whole database holds
 * nothing of it but its audit trail and its tool calls per day; a revocation the vendor cannot take
 * at once is kept sealed until it can. And calls racing a disconnect: each either finished before
 * it or never reached the vendor, as the vendor's own request log shows.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DisconnectIT {

  private static final String VENDOR = Gateway.VENDOR;
  private static final String TOOL = "list_customers";

  /** The demo's access tokens live 75 s and are refreshed 60 s ahead; see liberty/pom.xml. */
  private static final long UNTIL_REFRESH_MILLIS = 16_000;

  @Deployment(testable = false)
  static WebArchive fixture() {
    return Gateway.fixtureWar();
  }

  @ArquillianResource URL fixture;

  private String admin;

  @BeforeEach
  void organization() {
    admin = Gateway.organizationOn(Api.newOrganization("disconnect"), "PROFESSIONAL");
  }

  @Test
  void fifty_calls_share_one_refresh_and_a_disconnect_leaves_only_the_audit_trail()
      throws Exception {
    String id = Consent.connect(admin, TOOL);
    assertThat(call(id).status()).isEqualTo(200);

    Thread.sleep(UNTIL_REFRESH_MILLIS);
    DemoVendor.clearRefreshes();
    List<Integer> statuses = concurrently(50, 50, () -> call(id).status(), null);

    assertThat(statuses).containsOnly(200);
    assertThat(events(id, "CREDENTIAL_REFRESHED")).hasSize(1);
    JsonObject atTheVendor = DemoVendor.refreshes();
    assertThat(atTheVendor.getInt("refreshes")).as(atTheVendor.toString()).isEqualTo(1);
    assertThat(atTheVendor.getInt("presented_again")).as(atTheVendor.toString()).isZero();

    List<String> before = dump(id);
    String ciphertext =
        before.stream()
            .flatMap(line -> Arrays.stream(line.split("\\|")))
            .filter(value -> value.startsWith("gAAAAA"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no sealed credential in " + before));

    DemoVendor.clearRevocations();
    assertThat(Api.delete("/api/v1/connections/" + id, admin).status()).isEqualTo(204);

    assertThat(Api.get("/api/v1/connections/" + id, admin).status()).isEqualTo(404);
    int atVendor = DemoVendor.toolCalls();
    Api.Reply byId = call(id);
    Api.Reply byVendor = Gateway.call(admin, "vendor", VENDOR, TOOL, "{}");
    assertThat(byId.status()).isEqualTo(404);
    assertThat(byVendor.status()).isEqualTo(404);
    assertThat(DemoVendor.toolCalls()).isEqualTo(atVendor);
    // the grant ends at the vendor too: its refresh token is revoked (RFC 7009)
    JsonObject revoked = DemoVendor.awaitLiveRevocation(java.time.Duration.ofSeconds(10));
    assertThat(revoked.getString("token_type_hint")).isEqualTo("refresh_token");
    assertThat(awaitNoTrace(id)).isNotEmpty().allMatch(DisconnectIT::recordOfUse);
    assertThat(dump(id, ciphertext, revocationRow(id)))
        .isNotEmpty()
        .allMatch(DisconnectIT::recordOfUse);
    assertThat(events(id, "CONNECTION_DISCONNECTED")).hasSize(1);
    assertThat(Api.delete("/api/v1/connections/" + id, admin).status()).isEqualTo(404);
  }

  @Test
  void a_revocation_the_vendor_could_not_take_is_kept_sealed_and_made_once_it_answers_again()
      throws Exception {
    String id = Consent.connect(admin, TOOL);
    DemoVendor.clearRevocations();
    DemoVendor.revocationOutage(true);
    List<String> waiting;
    try {
      long started = System.nanoTime();
      assertThat(Api.delete("/api/v1/connections/" + id, admin).status()).isEqualTo(204);
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .as("a vendor that is down does not hold the disconnect up")
          .isLessThan(Duration.ofSeconds(5));
      awaitRevocationStatus(503, Duration.ofSeconds(10));

      // owed: a row naming the vendor, and the one token sealed in the credentials table;
      // the connection and its credential are gone
      waiting = dump(id, revocationRow(id));
      assertThat(Api.get("/api/v1/connections/" + id, admin).status()).isEqualTo(404);
    } finally {
      DemoVendor.revocationOutage(false);
    }
    assertThat(waiting).anyMatch(line -> line.startsWith("connection_revocations|" + id));
    assertThat(waiting)
        .filteredOn(line -> line.startsWith("credentials|"))
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith("credentials|" + revocationRow(id))
                    .contains("|gAAAAA"));
    assertThat(waiting).noneMatch(line -> line.startsWith("connections|"));

    // the next attempt, after the first pause (5 s) and at the next sweep (every 10 s)
    JsonObject revoked = DemoVendor.awaitLiveRevocation(Duration.ofSeconds(40));
    assertThat(revoked.getInt("status")).isEqualTo(200);
    assertThat(awaitNoTrace(id)).isNotEmpty().allMatch(DisconnectIT::recordOfUse);
    assertThat(dump(revocationRow(id))).isEmpty();
  }

  /** The id under which a deleted connection's token awaits revocation in the credentials table. */
  private static String revocationRow(String connection) {
    return java.util
        .UUID
        .nameUUIDFromBytes(("revocation\n" + connection).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  private static void awaitRevocationStatus(int status, Duration within)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(within);
    while (DemoVendor.revocations().stream().noneMatch(entry -> entry.getInt("status") == status)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "no revocation answered "
                + status
                + " within "
                + within
                + ": "
                + DemoVendor.revocations());
      }
      Thread.sleep(100);
    }
  }

  /**
   * The dump's lines about a connection once its revocation has been settled (the queue row goes
   * just after the vendor's answer), at most five seconds later.
   */
  private List<String> awaitNoTrace(String id) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(5);
    List<String> lines = dump(id);
    while (lines.stream().anyMatch(line -> !recordOfUse(line))
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
      lines = dump(id);
    }
    return lines;
  }

  @Test
  void a_refresh_the_vendor_refuses_marks_the_connection_for_reauthorization() throws Exception {
    String id = Consent.connect(admin, TOOL);
    Thread.sleep(UNTIL_REFRESH_MILLIS);
    DemoVendor.forgetGrants();
    int atVendor = DemoVendor.toolCalls();

    Api.Reply refused = call(id);
    Api.Reply again = call(id);

    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    assertThat(refused.json().getString("code")).isEqualTo("CONNECTION_NEEDS_REAUTH");
    assertThat(again.json().getString("code")).isEqualTo("CONNECTION_NEEDS_REAUTH");
    assertThat(DemoVendor.toolCalls()).isEqualTo(atVendor);
    assertThat(Api.get("/api/v1/connections/" + id, admin).json().getString("state"))
        .isEqualTo("NEEDS_REAUTH");
    assertThat(events(id, "CONNECTION_REAUTH_REQUIRED")).hasSize(1);
    assertThat(events(id, "CREDENTIAL_REFRESHED")).isEmpty();
    assertThat(Api.delete("/api/v1/connections/" + id, admin).status()).isEqualTo(204);
  }

  @Test
  void a_deleted_upload_leaves_nothing_of_its_bytes_in_the_database() {
    String marker = "marker-" + java.util.UUID.randomUUID();
    Api.Reply added =
        Uploads.upload(admin, "secret.csv", "name,value\n" + marker + ",1\n", "secrets");
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    String id = added.json().getString("id");
    assertThat(String.join("\n", dump(marker)))
        .as("the bytes are stored")
        .startsWith("upload_contents|" + id)
        .contains(marker);

    assertThat(Api.delete("/api/v1/uploads/" + id, admin).status()).isEqualTo(204);

    assertThat(dump(marker)).isEmpty();
    assertThat(dump(id)).isNotEmpty().allMatch(DisconnectIT::recordOfUse);
  }

  @Test
  void another_organization_can_neither_see_nor_disconnect_a_connection() throws Exception {
    String id = Consent.connect(admin, TOOL);
    String stranger = Gateway.organizationOn(Api.newOrganization("stranger"), "PROFESSIONAL");

    assertThat(Api.get("/api/v1/connections/" + id, stranger).status()).isEqualTo(404);
    assertThat(Api.delete("/api/v1/connections/" + id, stranger).status()).isEqualTo(404);
    assertThat(call(id).status()).isEqualTo(200);
    assertThat(Api.delete("/api/v1/connections/" + id, admin).status()).isEqualTo(204);
  }

  @Test
  void a_connect_nobody_finished_is_swept_once_it_expires() {
    Api.Reply expired = fixturePost("test-fixtures/connects/expired");
    String id = expired.json().getString("connectionId");
    assertThat(Api.get("/api/v1/connections/" + id, admin).json().getString("state"))
        .isEqualTo("PENDING");
    assertThat(dump(id)).hasSize(3); // the PENDING connection, its attempt and its usage row

    Api.Reply swept = fixturePost("test-fixtures/connects/sweep");

    assertThat(swept.json().getInt("deleted")).isPositive();
    assertThat(dump(id, "verifier-" + id)).isEmpty();
    assertThat(Api.get("/api/v1/connections/" + id, admin).status()).isEqualTo(404);
  }

  private Api.Reply fixturePost(String path) {
    Api.Reply reply =
        Api.send(
            Api.request("", admin)
                .uri(URI.create(fixture + "api/v1/" + path))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply;
  }

  @Test
  void a_call_racing_the_disconnect_finished_before_it_or_never_reached_the_vendor()
      throws Exception {
    String id = Consent.connect(admin, TOOL);
    DemoVendor.clearLog();
    CountDownLatch underWay = new CountDownLatch(20);
    int[] atCommit = new int[1];

    List<Integer> statuses =
        concurrently(
            200,
            16,
            () -> {
              int status = call(id).status();
              underWay.countDown();
              return status;
            },
            () -> {
              underWay.await(60, TimeUnit.SECONDS);
              assertThat(Api.delete("/api/v1/connections/" + id, admin).status()).isEqualTo(204);
              atCommit[0] = DemoVendor.toolCalls();
            });

    long finished = statuses.stream().filter(s -> s == 200).count();
    assertThat(finished).isGreaterThanOrEqualTo(20).isLessThan(200);
    assertThat(statuses).containsOnly(200, 404);
    assertThat(DemoVendor.toolCalls()).isEqualTo(atCommit[0]).isEqualTo((int) finished);
  }

  private Api.Reply call(String id) {
    return Gateway.call(admin, "connectionId", id, TOOL, "{\"limit\":1}");
  }

  /**
   * Runs {@code calls} tasks on {@code threads} threads; {@code meanwhile}, if given, runs on this
   * thread while they do.
   */
  private static List<Integer> concurrently(
      int calls, int threads, java.util.concurrent.Callable<Integer> task, Meanwhile meanwhile)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> futures = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        futures.add(pool.submit(task));
      }
      if (meanwhile != null) {
        meanwhile.run();
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> future : futures) {
        statuses.add(future.get(120, TimeUnit.SECONDS));
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }

  @FunctionalInterface
  private interface Meanwhile {
    void run() throws Exception;
  }

  private List<JsonObject> events(String connection, String type) {
    Api.Reply page =
        Api.get("/api/v1/audit/events?connection=" + connection + "&type=" + type, admin);
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    return page.json().getJsonArray("events").getValuesAs(JsonObject.class);
  }

  /**
   * What may remain of a disconnected connection: its audit trail, and the tool calls it made per
   * day (counts against the month's quota, no secret, decision 57), nothing else.
   */
  private static boolean recordOfUse(String line) {
    return line.startsWith("audit") || line.startsWith("tool_calls_per_day|");
  }

  /** The lines of a full database dump that contain one of the strings. */
  private List<String> dump(String... containing) {
    StringBuilder query = new StringBuilder();
    for (String needle : containing) {
      query.append(query.length() == 0 ? "?" : "&").append("containing=").append(encode(needle));
    }
    Api.Reply dump =
        Api.send(
            Api.request("", Api.token("platform-ops", "platform-operator"))
                .uri(URI.create(fixture + "api/v1/test-fixtures/database-dump" + query)));
    assertThat(dump.status()).as(dump.body()).isEqualTo(200);
    return dump.body().isEmpty() ? List.of() : dump.body().lines().toList();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
