package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Connecting the demo vendor end to end, the way an org admin does: {@code POST /connections}, the
 * vendor's consent screen (its real authorization server, which approves at once), the callback in
 * the browser, an active connection that calls a read tool with the token it got. And the attacks
 * on the callback: a forged or replayed state, a refused consent, an answer naming another issuer,
 * a foreign {@code returnTo}. None of them leaves a connection behind.
 */
class ConnectIT {

  private static final String VENDOR = "acme-payments";
  private static final String RETURN_TO = Api.BASE + "/console/data-sources";
  private static final String CALLBACK = Api.BASE + "/api/v1/connections/callback";

  private static final HttpClient BROWSER = Consent.BROWSER;

  private static String admin;

  @BeforeAll
  static void organization() {
    admin = Gateway.organizationOn(Api.newOrganization("connect"), "PROFESSIONAL");
  }

  @Test
  void an_admin_connects_the_demo_vendor_and_the_connection_reads_with_the_token_it_got()
      throws Exception {
    JsonObject started = start(admin);
    String id = started.getString("connectionId");
    URI consent = URI.create(started.getString("authorizationUrl"));
    Map<String, String> asked = query(consent);
    assertThat(consent.toString()).startsWith(System.getProperty("demo.auth.url"));
    assertThat(asked)
        .containsEntry("code_challenge_method", "S256")
        .containsEntry("client_id", "claribi")
        .containsEntry("redirect_uri", CALLBACK)
        .containsEntry("resource", System.getProperty("demo.vendor.url") + "/mcp");
    assertThat(asked.get("scope").split(" "))
        .contains("payments:read")
        .doesNotContain("payments:write");
    assertThat(Api.get("/api/v1/connections/" + id, admin).json().getString("state"))
        .isEqualTo("PENDING");

    URI answer = Consent.redirect(consent, 302);
    assertThat(answer.toString()).startsWith(CALLBACK + "?");
    URI back = Consent.redirect(answer, 303);
    assertThat(back.toString()).isEqualTo(RETURN_TO + "?connection=" + id + "&result=connected");
    assertThat(Api.get("/api/v1/connections/" + id, admin).json().getString("state"))
        .isEqualTo("ACTIVE");

    assertThat(Gateway.decide(admin, VENDOR, "list_customers", "ALLOW").status()).isEqualTo(200);
    Api.Reply called = Gateway.call(admin, "connectionId", id, "list_customers", "{\"limit\":2}");
    assertThat(called.status()).as(called.body()).isEqualTo(200);

    Api.Reply replayed = browse(answer);
    assertThat(replayed.status()).isEqualTo(400);
    assertThat(replayed.json().getString("code")).isEqualTo("AUTHORIZATION_STATE_INVALID");
  }

  @Test
  void connections_of_a_vendor_have_different_names_and_a_duplicate_is_refused() throws Exception {
    String token = Gateway.organizationOn(Api.newOrganization("connect-names"), "PROFESSIONAL");
    String vendorName = "Acme Payments (demo)";

    JsonObject first = start(token);
    JsonObject second = start(token);
    assertThat(first.getString("displayName")).isEqualTo(vendorName);
    assertThat(second.getString("displayName")).isEqualTo(vendorName + " 2");

    Api.Reply named = startNamed(token, "  EU payments  ");
    assertThat(named.status()).as(named.body()).isEqualTo(201);
    assertThat(named.json().getString("displayName")).isEqualTo("EU payments");

    int before = Consent.listedIds(token).size();
    for (String duplicate : new String[] {vendorName, "eu PAYMENTS", vendorName + " 2"}) {
      Api.Reply refused = startNamed(token, duplicate);
      assertThat(refused.status()).as(duplicate + ": " + refused.body()).isEqualTo(409);
      assertThat(refused.json().getString("code")).isEqualTo("CONNECTION_NAME_TAKEN");
      assertThat(refused.json().getString("detail")).contains("choose another name");
    }
    for (String invalid : new String[] {"   ", "x".repeat(81)}) {
      Api.Reply refused = startNamed(token, invalid);
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(refused.json().getString("code")).isEqualTo("CONNECTION_NAME_INVALID");
    }
    assertThat(Consent.listedIds(token)).as("no attempt made for a refused name").hasSize(before);

    String otherOrganization =
        Gateway.organizationOn(Api.newOrganization("connect-names"), "PROFESSIONAL");
    assertThat(startNamed(otherOrganization, "EU payments").status())
        .as("names are per organization")
        .isEqualTo(201);

    Api.Reply listed =
        Api.get("/api/v1/connections/" + named.json().getString("connectionId"), token);
    assertThat(listed.json().getString("displayName")).isEqualTo("EU payments");
    assertThat(absent(listed.json(), "lastUsedAt")).isTrue();
  }

  @Test
  void a_named_connection_keeps_its_name_when_connected_and_records_its_last_use()
      throws Exception {
    String token = Gateway.organizationOn(Api.newOrganization("connect-used"), "PROFESSIONAL");
    Api.Reply started = startNamed(token, "Payments EU");
    String id = started.json().getString("connectionId");
    URI answer = Consent.redirect(URI.create(started.json().getString("authorizationUrl")), 302);
    Consent.redirect(answer, 303);
    JsonObject connected = Api.get("/api/v1/connections/" + id, token).json();
    assertThat(connected.getString("state")).isEqualTo("ACTIVE");
    assertThat(connected.getString("displayName")).isEqualTo("Payments EU");
    assertThat(absent(connected, "lastUsedAt")).isTrue();

    java.time.Instant before = java.time.Instant.now().minusSeconds(1);
    assertThat(Gateway.decide(token, VENDOR, "list_customers", "ALLOW").status()).isEqualTo(200);
    Api.Reply called = Gateway.call(token, "connectionId", id, "list_customers", "{\"limit\":1}");
    assertThat(called.status()).as(called.body()).isEqualTo(200);

    String lastUsed = awaitLastUse(token, id);
    assertThat(java.time.Instant.parse(lastUsed)).isAfter(before);
  }

  /** The usage relay moves the record into the trail a moment after the call. */
  static String awaitLastUse(String token, String id) throws InterruptedException {
    long until = System.currentTimeMillis() + 15_000;
    while (System.currentTimeMillis() < until) {
      JsonObject connection = Api.get("/api/v1/connections/" + id, token).json();
      if (!absent(connection, "lastUsedAt")) {
        return connection.getString("lastUsedAt");
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no last use recorded for " + id);
  }

  /** JSON-B leaves out a null field. */
  private static boolean absent(JsonObject object, String name) {
    return !object.containsKey(name) || object.isNull(name);
  }

  private static Api.Reply startNamed(String token, String name) {
    return Api.post(
        "/api/v1/connections",
        token,
        Json.createObjectBuilder()
            .add("vendor", VENDOR)
            .add("returnTo", RETURN_TO)
            .add("displayName", name)
            .build()
            .toString());
  }

  @Test
  void a_forged_state_is_refused() throws Exception {
    Api.Reply forged = browse(URI.create(CALLBACK + "?state=forged&code=whatever"));
    Api.Reply missing = browse(URI.create(CALLBACK + "?code=whatever"));

    assertThat(forged.status()).isEqualTo(400);
    assertThat(forged.json().getString("code")).isEqualTo("AUTHORIZATION_STATE_INVALID");
    assertThat(missing.status()).isEqualTo(400);
  }

  @Test
  void a_refused_consent_leaves_no_connection() throws Exception {
    JsonObject started = start(admin);
    String id = started.getString("connectionId");
    String state = query(URI.create(started.getString("authorizationUrl"))).get("state");

    URI back =
        Consent.redirect(
            URI.create(CALLBACK + "?state=" + state + "&error=access_denied&error_description=no"),
            303);

    assertThat(back.toString())
        .isEqualTo(
            RETURN_TO + "?connection=" + id + "&result=failed&code=VENDOR_AUTHORIZATION_DENIED");
    assertThat(Api.get("/api/v1/connections/" + id, admin).status()).isEqualTo(404);
  }

  @Test
  void an_answer_naming_another_issuer_is_refused_and_its_code_never_spent() throws Exception {
    JsonObject started = start(admin);
    String id = started.getString("connectionId");
    URI consent = URI.create(started.getString("authorizationUrl"));
    URI answer = Consent.redirect(consent, 302);

    URI back = Consent.redirect(URI.create(answer + "&iss=https%3A%2F%2Fevil.example.com"), 303);

    assertThat(back.toString()).endsWith("&result=failed&code=VENDOR_ISSUER_MISMATCH");
    assertThat(Api.get("/api/v1/connections/" + id, admin).status()).isEqualTo(404);
  }

  @Test
  void a_foreign_return_address_is_refused_before_anything_is_created() {
    int before = Api.get("/api/v1/connections", admin).jsonArray().size();

    Api.Reply refused =
        Api.post(
            "/api/v1/connections",
            admin,
            "{\"vendor\":\"" + VENDOR + "\",\"returnTo\":\"https://evil.example.com/x\"}");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().getString("code")).isEqualTo("RETURN_TO_NOT_ALLOWED");
    assertThat(Api.get("/api/v1/connections", admin).jsonArray()).hasSize(before);
  }

  @Test
  void only_an_org_admin_connects() {
    String org = Api.newOrganization("connect-integrator");
    Gateway.organizationOn(org, "PROFESSIONAL");
    String integrator = Api.token(org, "integrator");

    Api.Reply refused =
        Api.post(
            "/api/v1/connections",
            integrator,
            "{\"vendor\":\"" + VENDOR + "\",\"returnTo\":\"" + RETURN_TO + "\"}");

    assertThat(refused.status()).isEqualTo(403);
  }

  private static JsonObject start(String token) {
    Api.Reply started =
        Api.post(
            "/api/v1/connections",
            token,
            "{\"vendor\":\"" + VENDOR + "\",\"returnTo\":\"" + RETURN_TO + "\"}");
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    return started.json();
  }

  private static Api.Reply browse(URI uri) throws Exception {
    return new Api.Reply(
        BROWSER.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()));
  }

  private static Map<String, String> query(URI uri) {
    return Arrays.stream(uri.getRawQuery().split("&"))
        .map(pair -> pair.split("=", 2))
        .collect(
            Collectors.toMap(
                p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "",
                (a, b) -> a,
                LinkedHashMap::new));
  }
}
