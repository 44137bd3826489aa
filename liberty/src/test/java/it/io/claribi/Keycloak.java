package it.io.claribi;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real Keycloak for the tests of provider tokens: the distribution from Maven Central, unpacked
 * by the build (liberty/pom.xml, profile postgresql), started once per test JVM on loopback ports
 * with an in-memory database and the realms in {@code src/test/resources/keycloak} imported, and
 * stopped when the JVM ends. Its admin API rotates the realm's signing keys as an operator would.
 */
public final class Keycloak {

  static final int PORT = Integer.getInteger("keycloak.port", 9190);
  static final String BASE = "http://127.0.0.1:" + PORT;
  static final String REALM = "claribi";
  static final String ISSUER = BASE + "/realms/" + REALM;
  static final String JWKS = ISSUER + "/protocol/openid-connect/certs";

  private static final Path HOME =
      Path.of(System.getProperty("keycloak.home", "target/keycloak/keycloak-26.7.3"))
          .toAbsolutePath();
  private static final Path REALMS = Path.of("src/test/resources/keycloak").toAbsolutePath();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static Keycloak running;

  /** The organizations of the realm's users: fresh per run, as the database may outlive runs. */
  final String organizationA;

  final String organizationB;
  private final String adminPassword = UUID.randomUUID().toString();
  private final Process process;

  private Keycloak(String organizationA, String organizationB, String serverUrl)
      throws IOException {
    String mcpResource = serverUrl + "/mcp";
    this.organizationA = organizationA;
    this.organizationB = organizationB;
    Path imports = HOME.resolve("data/import");
    Files.createDirectories(imports);
    try (var old = Files.list(imports)) {
      for (Path file : old.toList()) {
        Files.delete(file);
      }
    }
    Map<String, String> values = new HashMap<>();
    values.put("@ORG_A@", organizationA);
    values.put("@ORG_B@", organizationB);
    values.put("@CLARIBI_MAPPERS@", mappers(true, mcpResource));
    values.put("@IDENTITY_MAPPERS@", mappers(false, mcpResource));
    values.put("@SERVER_URL@", serverUrl);
    for (String realm : List.of("claribi-realm.json", "other-realm.json")) {
      String text = Files.readString(REALMS.resolve(realm));
      for (Map.Entry<String, String> value : values.entrySet()) {
        text = text.replace(value.getKey(), value.getValue());
      }
      Files.writeString(imports.resolve(realm), text);
    }
    ProcessBuilder builder =
        new ProcessBuilder(
                "bash", // the unpacked script may have lost its executable bit
                HOME.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + PORT,
                "--http-management-port=" + (PORT + 1),
                "--db=dev-mem",
                "--import-realm",
                "--cache=local")
            .redirectErrorStream(true)
            .redirectOutput(HOME.resolveSibling("keycloak.log").toFile());
    builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
    builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
    // Small heap: it shares this machine with two Liberty servers and PostgreSQL.
    builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
    this.process = builder.start();
  }

  /**
   * Keycloak, started on the first call in this JVM (about a minute on a 2-core machine: its
   * start-dev build step, then the import) and shared until {@link #stopIfRunning}; the MCP
   * resource URL goes into the audience of the realm's clariBI clients.
   */
  static synchronized Keycloak started(String serverUrl) throws Exception {
    if (running == null) {
      Keycloak keycloak =
          new Keycloak(Api.newOrganization("kc-acme"), Api.newOrganization("kc-beta"), serverUrl);
      Runtime.getRuntime().addShutdownHook(new Thread(keycloak::stop));
      keycloak.awaitReady(Duration.ofSeconds(120));
      running = keycloak;
    }
    return running;
  }

  /**
   * Keycloak with the test realm for trying the console's OpenID Connect sign-in by hand against
   * the development server (README, "Signing in with Keycloak"): the realm's users belong to the
   * development organizations {@code acme} and {@code beta}. Runs until Ctrl+C.
   */
  public static void main(String[] args) throws Exception {
    String server = args.length > 0 ? args[0] : "http://localhost:9080";
    Keycloak keycloak = new Keycloak("acme", "beta", server);
    Runtime.getRuntime().addShutdownHook(new Thread(keycloak::stop));
    keycloak.awaitReady(Duration.ofSeconds(180));
    System.out.println(
        "Keycloak is ready at "
            + ISSUER
            + " (admin console "
            + BASE
            + "/admin, user admin, password "
            + keycloak.adminPassword
            + "). Users: alice, carl (acme admins), bruno (beta admin), olga (operator),"
            + " nora (no organization), rolf (no role); each one's password is <name>-password."
            + " Ctrl+C stops it.");
    keycloak.process.waitFor();
  }

  /** Stops the shared Keycloak, if one runs; the JVM's end would too, this is sooner. */
  static synchronized void stopIfRunning() {
    if (running != null) {
      running.stop();
      running = null;
    }
  }

  private void awaitReady(Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Keycloak ended with " + process.exitValue() + "; see " + log());
      }
      try {
        HttpResponse<Void> ready =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(ISSUER + "/.well-known/openid-configuration"))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (ready.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      TimeUnit.MILLISECONDS.sleep(250);
    }
    stop();
    throw new AssertionError("Keycloak not ready within " + timeout + "; see " + log());
  }

  private static Path log() {
    return HOME.resolveSibling("keycloak.log");
  }

  void stop() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The realm's protocol mappers: the organization from the group attribute {@code org} into the
   * claim {@code organization}, group names into {@code claribi_roles} (both names differ from the
   * product's defaults on purpose: the server is configured for them, as for a real provider), and,
   * for clariBI's clients, the audiences of the REST API and of the MCP endpoint.
   */
  private static String mappers(boolean forClaribi, String mcpResource) {
    StringBuilder json = new StringBuilder("[");
    json.append(
        mapper(
            "organization",
            "oidc-usermodel-attribute-mapper",
            Map.of(
                "user.attribute", "org",
                "claim.name", "organization",
                "jsonType.label", "String",
                "aggregate.attrs", "true",
                "multivalued", "false")));
    json.append(',')
        .append(
            mapper(
                "roles",
                "oidc-group-membership-mapper",
                Map.of("claim.name", "claribi_roles", "full.path", "false")));
    if (forClaribi) {
      json.append(',')
          .append(
              mapper(
                  "rest-api-audience",
                  "oidc-audience-mapper",
                  Map.of("included.custom.audience", "claribi")));
      json.append(',')
          .append(
              mapper(
                  "mcp-audience",
                  "oidc-audience-mapper",
                  Map.of("included.custom.audience", mcpResource)));
    }
    return json.append(']').toString();
  }

  private static String mapper(String name, String type, Map<String, String> settings) {
    var config = Json.createObjectBuilder();
    settings.forEach(config::add);
    config.add("access.token.claim", "true").add("id.token.claim", "true");
    config.add("userinfo.token.claim", "true").add("introspection.token.claim", "true");
    return Json.createObjectBuilder()
        .add("name", name)
        .add("protocol", "openid-connect")
        .add("protocolMapper", type)
        .add("config", config)
        .build()
        .toString();
  }

  /** An access token of a realm user, by the password grant of the test-only client. */
  String userToken(String username) {
    return userToken(REALM, "claribi-tests", username);
  }

  String userToken(String realm, String client, String username) {
    return token(
        realm,
        Map.of(
            "grant_type",
            "password",
            "client_id",
            client,
            "username",
            username,
            "password",
            username + "-password",
            "scope",
            "openid"));
  }

  /** An integrator service account's token: client credentials, as a backend would get one. */
  String serviceAccountToken() {
    return token(
        REALM,
        Map.of(
            "grant_type", "client_credentials",
            "client_id", "claribi-integrator",
            "client_secret", "integrator-secret"));
  }

  private String token(String realm, Map<String, String> form) {
    JsonObject answer =
        send(
            HttpRequest.newBuilder(
                    URI.create(BASE + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))),
            200);
    return answer.getString("access_token");
  }

  /** The key id of the realm's active RS256 key. */
  String activeKeyId() {
    return send(admin("/keys").GET(), 200).getJsonObject("active").getString("RS256");
  }

  /**
   * Rotates the realm's RS256 signing key as an operator does: adds a new key provider of higher
   * priority, so new tokens are signed with it; the old one still verifies until {@link #remove}.
   *
   * @return the component id of the key it replaced
   */
  String rotateSigningKey() {
    String replaced = providerOf(activeKeyId());
    String realmId = send(admin("").GET(), 200).getString("id");
    JsonObject component =
        Json.createObjectBuilder()
            .add("name", "rotated-" + UUID.randomUUID().toString().substring(0, 8))
            .add("providerId", "rsa-generated")
            .add("providerType", "org.keycloak.keys.KeyProvider")
            .add("parentId", realmId)
            .add(
                "config",
                Json.createObjectBuilder()
                    .add("priority", Json.createArrayBuilder().add(String.valueOf(nextPriority())))
                    .add("keySize", Json.createArrayBuilder().add("2048"))
                    .add("algorithm", Json.createArrayBuilder().add("RS256"))
                    .add("active", Json.createArrayBuilder().add("true"))
                    .add("enabled", Json.createArrayBuilder().add("true")))
            .build();
    sendExpecting(
        admin("/components")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(component.toString())),
        201);
    return replaced;
  }

  /** Removes a key provider: its key leaves the realm's JWKS. */
  void remove(String componentId) {
    sendExpecting(admin("/components/" + componentId).DELETE(), 204);
  }

  private int nextPriority() {
    JsonArray keys = send(admin("/keys").GET(), 200).getJsonArray("keys");
    return keys.getValuesAs(JsonObject.class).stream()
            .mapToInt(key -> key.getJsonNumber("providerPriority").intValue())
            .max()
            .orElse(100)
        + 100;
  }

  private String providerOf(String kid) {
    return send(admin("/keys").GET(), 200)
        .getJsonArray("keys")
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(key -> kid.equals(key.getString("kid", "")))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no key " + kid))
        .getString("providerId");
  }

  private HttpRequest.Builder admin(String path) {
    String token =
        send(
                HttpRequest.newBuilder(
                        URI.create(BASE + "/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            form(
                                Map.of(
                                    "grant_type", "password",
                                    "client_id", "admin-cli",
                                    "username", "admin",
                                    "password", adminPassword)))),
                200)
            .getString("access_token");
    return HttpRequest.newBuilder(URI.create(BASE + "/admin/realms/" + REALM + path))
        .timeout(Duration.ofSeconds(20))
        .header("Authorization", "Bearer " + token);
  }

  private static JsonObject send(HttpRequest.Builder request, int expected) {
    String body = sendExpecting(request, expected);
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  private static String sendExpecting(HttpRequest.Builder request, int expected) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              request.timeout(Duration.ofSeconds(20)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expected) {
        throw new AssertionError(
            "Keycloak answered "
                + response.statusCode()
                + " to "
                + response.request().uri()
                + ": "
                + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            field ->
                URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
