package io.claribi.credentials.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.credentials.api.ClientSecret;
import io.claribi.credentials.api.ClientSecretVault;
import io.claribi.credentials.api.Credential;
import io.claribi.credentials.api.CredentialVault;
import io.claribi.credentials.api.LentClientSecret;
import io.claribi.credentials.api.TokenSet;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.OrganizationId;
import it.io.claribi.Api;
import it.io.claribi.LibertyServer;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Zero-downtime rotation end to end: rows sealed under the current key, a new key added to the key
 * file while the server runs, the re-encryption started over REST, the server stopped halfway and
 * started again, the run finished, the old key removed, and every token and client secret read
 * back.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeyRotationRestartIT {

  /** Enough rows that a run with the ITs' paced batches (10 rows, 100 ms) takes seconds. */
  private static final int ROWS = 300;

  private static final OrganizationId A = new OrganizationId("rotation-a");
  private static final OrganizationId B = new OrganizationId("rotation-b");
  private static final Path KEY_FILE =
      Path.of(
          System.getProperty("claribi.server.dir", "target/liberty/wlp/usr/servers/claribi"),
          "resources/security/dev-credentials.keys");

  /** Seeds the rows, and is undeployed before the restart, while the JMX connection works. */
  @Deployment(name = "seed", managed = false)
  @TargetsContainer("before-restart")
  static WebArchive seeding() {
    return ProductWar.with("rotation-seed-it.war", testClasses());
  }

  /** Reads back after the restart, through a container connected to the new server JVM. */
  @Deployment(name = "readback", managed = false)
  @TargetsContainer("after-restart")
  static WebArchive readingBack() {
    return ProductWar.with("rotation-readback-it.war", testClasses());
  }

  private static Class<?>[] testClasses() {
    return new Class<?>[] {
      KeyRotationRestartIT.class, ActingCaller.class, SpecFernet.class, DatabaseDump.class
    };
  }

  @ArquillianResource Deployer deployer;
  @ArquillianResource ContainerController containers;

  @Inject CredentialVault vault;
  @Inject ClientSecretVault clientSecrets;
  @Inject ActingCaller caller;

  @Test
  @Order(0)
  @RunAsClient
  void deploy_the_seeding_archive() throws Exception {
    // The ITs before this one deployed and removed a dozen test WARs, and a removed WAR's classes
    // can stay reachable through server-wide caches (Liberty shares loggers by name): this test's
    // own deployments start on a fresh server, with the whole small heap to themselves.
    LibertyServer server = LibertyServer.underTest();
    server.stop();
    server.start();
    LibertyServer.awaitReady(Api.BASE, Duration.ofSeconds(90));
    containers.start("before-restart");
    deployer.deploy("seed");
  }

  @Test
  @Order(1)
  @OperateOnDeployment("seed")
  void rows_are_sealed_under_the_current_key() {
    for (int i = 0; i < ROWS; i++) {
      caller.actFor(organization(i));
      vault.store(connection(i), tokens(i));
    }
    for (OrganizationId organization : List.of(A, B)) {
      caller.actFor(organization);
      clientSecrets.keep(clientSecret(organization));
    }
  }

  @Test
  @Order(2)
  @RunAsClient
  void a_new_key_is_rotated_in_across_a_restart_and_the_old_one_removed() throws Exception {
    deployer.undeploy("seed");
    containers.stop("before-restart");
    String operator = Api.token("platform", "platform-operator");
    List<String> oldKeys = keys();
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
    containers.start("after-restart");
    deployer.deploy("readback");
    assertThat(server.allLogs())
        .as("the server must never log a key")
        .doesNotContain(newKey)
        .doesNotContain(oldKeys.toArray(String[]::new));
  }

  @Test
  @Order(3)
  @OperateOnDeployment("readback")
  void every_token_reads_back_under_the_new_key_alone() throws Exception {
    List<String> ring = keyLines();
    assertThat(ring).hasSize(1);
    for (int i = 0; i < ROWS; i++) {
      caller.actFor(organization(i));
      assertThat(vault.use(connection(i), Credential::accessToken))
          .isEqualTo(tokens(i).accessToken());
      assertThat(vault.describe(connection(i)).orElseThrow().keyFingerprint())
          .isEqualTo(SpecFernet.fingerprint(ring.get(0)));
    }
    for (OrganizationId organization : List.of(A, B)) {
      caller.actFor(organization);
      ClientSecret kept = clientSecret(organization);
      assertThat(clientSecrets.use(kept.id(), LentClientSecret::secret))
          .as("the client secret of " + organization + " opens under the new key alone")
          .contains(kept.secret());
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
      query.setString(1, A.value());
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
  @Order(4)
  @RunAsClient
  void no_token_of_this_test_appears_in_any_log() throws Exception {
    deployer.undeploy("readback");
    containers.stop("after-restart");
    String logs = LibertyServer.underTest().allLogs();

    for (int i = 0; i < ROWS; i++) {
      assertThat(logs).doesNotContain(tokens(i).accessToken());
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

  private static OrganizationId organization(int i) {
    return i % 2 == 0 ? A : B;
  }

  private static ConnectionId connection(int i) {
    return new ConnectionId(
        UUID.nameUUIDFromBytes(("rotation-" + i).getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Key rotation re-encrypts an organization's client secret with its token sets. One issuer per
   * organization: a client secret's row is keyed by its issuer alone, so two organizations' secrets
   * at one issuer would need the same row.
   */
  private static ClientSecret clientSecret(OrganizationId organization) {
    return new ClientSecret(
        "https://" + organization.value() + ".example.com",
        "client-" + organization.value(),
        "client_secret_basic",
        "rot-cs-" + organization.value());
  }

  /** Deterministic, so the in-container steps and the log check agree without shared state. */
  private static TokenSet tokens(int i) {
    String suffix =
        UUID.nameUUIDFromBytes(("rotation-token-" + i).getBytes(StandardCharsets.UTF_8)).toString();
    return new TokenSet(
        "rot-at-" + suffix,
        Optional.of("rot-rt-" + suffix),
        Optional.of(Instant.parse("2030-01-01T00:00:00Z")),
        Set.of("read"),
        "Bearer");
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
