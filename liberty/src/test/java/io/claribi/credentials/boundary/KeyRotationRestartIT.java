package io.claribi.credentials.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.credentials.api.Credential;
import io.claribi.credentials.api.CredentialVault;
import it.io.claribi.Api;
import it.io.claribi.LibertyServer;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Zero-downtime rotation end to end, on a freshly started server: rows sealed under the current
 * key, a new key added to the key file while the server runs, the re-encryption started over REST,
 * the server stopped halfway and started again, the run finished, the old key removed, and every
 * token read back. The tests are one scenario, in order: the read-back runs inside the restarted
 * server, and an in-container test has no client-side set-up of its own, so the rotation test
 * connects a container to the restarted server for it (its WAR deploys with it).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeyRotationRestartIT {

  private static final int ROWS = RotationRows.COUNT;
  private static final Path KEY_FILE =
      Path.of(
          System.getProperty("claribi.server.dir", "target/liberty/wlp/usr/servers/claribi"),
          "resources/security/dev-credentials.keys");

  /**
   * The seeding fixture ({@link RotationRowsFixture}), deployed when its container connects to the
   * server and removed when it disconnects, before the restart, while the JMX connection works.
   */
  @Deployment(name = "seed", testable = false)
  @TargetsContainer("before-restart")
  static WebArchive seeding() {
    return ProductWar.with(
        "rotation-seed-it.war", RotationRowsFixture.class, RotationRows.class, ActingCaller.class);
  }

  /** Reads back after the restart, through a container connected to the new server JVM. */
  @Deployment(name = "readback")
  @TargetsContainer("after-restart")
  static WebArchive readingBack() {
    return ProductWar.with(
        "rotation-readback-it.war",
        KeyRotationRestartIT.class,
        RotationRows.class,
        ActingCaller.class,
        SpecFernet.class,
        DatabaseDump.class);
  }

  @ArquillianResource ContainerController containers;

  @Inject CredentialVault vault;
  @Inject ActingCaller caller;

  /** Client side only: Arquillian skips {@code @BeforeAll} in the container. */
  @BeforeAll
  static void aFreshServer() throws Exception {
    // The ITs before this one deployed and removed a dozen test WARs, and a removed WAR's classes
    // can stay reachable through server-wide caches (Liberty shares loggers by name): this test's
    // own deployments start on a fresh server, with the whole small heap to themselves.
    LibertyServer server = LibertyServer.underTest();
    server.stop();
    server.start();
    LibertyServer.awaitReady(Api.BASE, Duration.ofSeconds(90));
  }

  @Test
  @Order(1)
  @RunAsClient
  void a_new_key_is_rotated_in_across_a_restart_and_the_old_one_removed() throws Exception {
    String operator = Api.token("platform", "platform-operator");
    List<String> oldKeys = keys();
    assertThat(sealRows())
        .as("the key the vault sealed each row to rotate under")
        .hasSize(ROWS)
        .containsOnly(SpecFernet.fingerprint(oldKeys.get(0)));
    String newKey = newKey();
    Files.writeString(KEY_FILE, newKey + "\n" + String.join("\n", oldKeys) + "\n");
    String newFingerprint = SpecFernet.fingerprint(newKey);
    JsonObject before =
        await(operator, s -> s.getString("primaryKey").equals(newFingerprint), "new key loaded");
    long toMove = before.getJsonNumber("rowsRemaining").longValue();
    assertThat(toMove).isGreaterThanOrEqualTo(ROWS);

    assertThat(Api.post("/api/v1/credentials/rotation", operator).status()).isEqualTo(202);
    JsonObject halfway = await(operator, s -> resealed(s) >= 20, "rotation under way");
    assertThat(halfway.getJsonNumber("rowsRemaining").longValue()).isPositive();

    LibertyServer server = LibertyServer.underTest();
    server.stop();
    server.start();
    LibertyServer.awaitReady(Api.BASE, Duration.ofSeconds(90));

    JsonObject finished =
        await(
            operator,
            s -> !s.isNull("run") && "FINISHED".equals(s.getJsonObject("run").getString("state")),
            "rotation resumed and finished");
    long unopenable = finished.getJsonObject("run").getJsonNumber("rowsUnopenable").longValue();
    assertThat(resealed(finished))
        .as("every row moved exactly once, across the restart")
        .isEqualTo(toMove - unopenable);
    assertThat(finished.getJsonNumber("rowsRemaining").longValue()).isEqualTo(unopenable);
    if (unopenable == 0) {
      assertThat(finished.getJsonArray("keys").getValuesAs(JsonObject.class))
          .filteredOn(key -> !key.getBoolean("primary"))
          .allMatch(key -> key.getBoolean("removable"));
    }

    Files.writeString(KEY_FILE, newKey + "\n");
    await(operator, s -> s.getJsonArray("keys").size() == 1, "old keys removed");
    containers.start("after-restart"); // deploys the read-back WAR for the next test
    assertThat(server.allLogs())
        .as("the server must never log a key")
        .doesNotContain(newKey)
        .doesNotContain(oldKeys.toArray(String[]::new));
  }

  @Test
  @Order(2)
  @OperateOnDeployment("readback")
  void every_token_reads_back_under_the_new_key_alone() throws Exception {
    List<String> ring = keyLines();
    assertThat(ring).hasSize(1);
    for (int i = 0; i < ROWS; i++) {
      caller.actFor(RotationRows.organization(i));
      assertThat(vault.use(RotationRows.connection(i), Credential::accessToken))
          .isEqualTo(RotationRows.tokens(i).accessToken());
      assertThat(vault.describe(RotationRows.connection(i)).orElseThrow().keyFingerprint())
          .isEqualTo(SpecFernet.fingerprint(ring.get(0)));
    }
    try (Connection db = DatabaseDump.dataSource().getConnection();
        PreparedStatement query = db.prepareStatement("SELECT ciphertext FROM credentials");
        ResultSet rows = query.executeQuery()) {
      int opened = 0;
      while (rows.next()) {
        if (SpecFernet.open(ring.get(0), rows.getString(1)).isPresent()) {
          opened++;
        }
      }
      assertThat(opened).isGreaterThanOrEqualTo(ROWS);
    }
    try (Connection db = DatabaseDump.dataSource().getConnection();
        PreparedStatement query =
            db.prepareStatement(
                "SELECT actor, details FROM audit_events WHERE organization_id = ?"
                    + " AND event_type = 'KEY_ROTATION_FINISHED' ORDER BY sequence_no DESC")) {
      query.setString(1, RotationRows.A.value());
      try (ResultSet events = query.executeQuery()) {
        assertThat(events.next()).as("rotation-a's trail records the finished rotation").isTrue();
        assertThat(events.getString(1)).isEqualTo("system");
        assertThat(events.getString(2))
            .contains(SpecFernet.fingerprint(ring.get(0)))
            .contains("reencrypted");
      }
    }
  }

  @Test
  @Order(3)
  @RunAsClient
  void no_token_of_this_test_appears_in_any_log() throws Exception {
    containers.stop("after-restart"); // removes the read-back WAR, so its removal is checked too
    String logs = LibertyServer.underTest().allLogs();

    for (int i = 0; i < ROWS; i++) {
      assertThat(logs).doesNotContain(RotationRows.tokens(i).accessToken());
    }
  }

  /**
   * Seals the rows through the seeding fixture, connected to the server for this only; the
   * fingerprint of the key the vault sealed each row under.
   */
  private List<String> sealRows() {
    containers.start("before-restart");
    try {
      Api.Reply sealed =
          Api.send(
              Api.request("/rotation-seed-it/test-fixtures/rotation-rows", null)
                  .timeout(Duration.ofMinutes(3))
                  .POST(HttpRequest.BodyPublishers.noBody()));
      assertThat(sealed.status()).as(sealed.body()).isEqualTo(200);
      return sealed.body().lines().toList();
    } finally {
      containers.stop("before-restart");
    }
  }

  private static long resealed(JsonObject status) {
    return status.isNull("run")
        ? 0
        : status.getJsonObject("run").getJsonNumber("rowsResealed").longValue();
  }

  private static JsonObject await(String operator, Predicate<JsonObject> condition, String what)
      throws Exception {
    Instant deadline = Instant.now().plusSeconds(90);
    JsonObject status = null;
    while (Instant.now().isBefore(deadline)) {
      Api.Reply reply = Api.get("/api/v1/credentials/rotation", operator);
      if (reply.status() == 200) {
        status = reply.json();
        if (condition.test(status)) {
          return status;
        }
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
    throw new AssertionError("timed out waiting for: " + what + "; last status " + status);
  }

  private static List<String> keys() throws Exception {
    List<String> keys = keyLines();
    assertThat(keys).as("the server's key file " + KEY_FILE).isNotEmpty();
    return keys;
  }

  /** The key file as the server reads it: in-container from config, on the client from the path. */
  private static List<String> keyLines() throws Exception {
    Path file =
        Files.exists(KEY_FILE)
            ? KEY_FILE
            : Path.of(
                org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getValue("claribi.credentials.dev-key.file", String.class));
    List<String> keys = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        keys.add(line.strip());
      }
    }
    return keys;
  }

  private static String newKey() {
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    return Base64.getUrlEncoder().encodeToString(raw);
  }
}
