package it.io.claribi;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/** The bundled demo vendor and its authorization server, as the ITs drive them. */
public final class DemoVendor {

  public static final String BASE =
      System.getProperty("demo.vendor.url", "http://localhost:9080/demo-vendor");
  public static final String MCP = BASE + "/mcp";
  public static final String ISSUER =
      System.getProperty("demo.auth.url", "http://127.0.0.1:9082/acme");

  private DemoVendor() {}

  /** A real access token from the demo authorization server (client credentials). */
  public static String accessToken(String scope) {
    return token(scope).getString("access_token");
  }

  /** The demo authorization server's whole token response (client credentials). */
  public static JsonObject token(String scope) {
    String form =
        "grant_type=client_credentials&client_id=claribi&client_secret=demo&scope="
            + URLEncoder.encode(scope, StandardCharsets.UTF_8);
    Api.Reply reply =
        Api.send(
            HttpRequest.newBuilder(URI.create(ISSUER + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    if (reply.status() != 200) {
      throw new IllegalStateException("no token from the demo authorization server: " + reply);
    }
    return reply.json();
  }

  /** How many {@code tools/call} requests for exactly this name reached the vendor. */
  public static long toolCallsFor(String tool) {
    return requests("tools/call").stream()
        .map(JsonObject.class::cast)
        .filter(entry -> !entry.isNull("tool_name") && tool.equals(entry.getString("tool_name")))
        .count();
  }

  /** Every {@code tools/call} that reached the vendor, whatever the name. */
  public static int toolCalls() {
    return requests("tools/call").size();
  }

  static jakarta.json.JsonArray requests(String method) {
    Api.Reply reply =
        Api.send(
            HttpRequest.newBuilder(URI.create(BASE + "/control/requests?method=" + method)).GET());
    if (reply.status() != 200) {
      throw new IllegalStateException("request log unavailable: " + reply);
    }
    return reply.json().getJsonArray("requests");
  }

  /** Every {@code tools/list} that reached the vendor. */
  public static int toolLists() {
    return requests("tools/list").size();
  }

  /**
   * Changes {@code list_customers} as the rug-pull attack did (required {@code exportTo}, {@code
   * includeCards}, new description); with {@code notify} false no {@code list_changed} is sent.
   */
  public static void rugPull(boolean notify) {
    expect204or200(
        Api.send(
            HttpRequest.newBuilder(URI.create(BASE + "/control/rug-pull?notify=" + notify))
                .POST(HttpRequest.BodyPublishers.noBody())));
  }

  /** {@code list_customers} with an open schema (no additionalProperties: false), silently. */
  public static void openSchema() {
    expect204or200(
        Api.send(
            HttpRequest.newBuilder(URI.create(BASE + "/control/open-schema?notify=false"))
                .POST(HttpRequest.BodyPublishers.noBody())));
  }

  /** Every request in the log, whatever its HTTP or JSON-RPC method, oldest first. */
  public static java.util.List<JsonObject> allRequests() {
    Api.Reply reply =
        Api.send(HttpRequest.newBuilder(URI.create(BASE + "/control/requests")).GET());
    if (reply.status() != 200) {
      throw new IllegalStateException("request log unavailable: " + reply);
    }
    return reply.json().getJsonArray("requests").getValuesAs(JsonObject.class);
  }

  /**
   * From now on each call of {@code tool} first asks the client {@code kind} ({@code sampling},
   * {@code elicitation}, {@code roots} or {@code none}) and waits for the answer.
   */
  public static void askOnCall(String tool, String kind) {
    expect204or200(
        Api.send(
            HttpRequest.newBuilder(URI.create(BASE + "/control/tools/" + tool + "/server-request"))
                .header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofString(kind))));
  }

  /** What the client answered to the requests the vendor made during calls, oldest first. */
  public static java.util.List<JsonObject> serverRequestAnswers() {
    Api.Reply reply =
        Api.send(HttpRequest.newBuilder(URI.create(BASE + "/control/server-requests")).GET());
    if (reply.status() != 200) {
      throw new IllegalStateException("server-request answers unavailable: " + reply);
    }
    return reply.json().getJsonArray("answers").getValuesAs(JsonObject.class);
  }

  public static void clearServerRequestAnswers() {
    expect204or200(
        Api.send(HttpRequest.newBuilder(URI.create(BASE + "/control/server-requests")).DELETE()));
  }

  public static void clearLog() {
    expect204or200(
        Api.send(HttpRequest.newBuilder(URI.create(BASE + "/control/requests")).DELETE()));
  }

  /** Changes a tool's description at the vendor, as a vendor's silent update would. */
  public static void describe(String tool, String description) {
    expect204or200(
        Api.send(
            HttpRequest.newBuilder(URI.create(BASE + "/control/tools/" + tool + "/description"))
                .header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofString(description))));
  }

  /** The vendor revokes every grant it made: refresh tokens are refused from now on. */
  public static void forgetGrants() {
    expect204or200(
        Api.send(
            HttpRequest.newBuilder(URI.create(BASE + "/control/grants/forget"))
                .POST(HttpRequest.BodyPublishers.noBody())));
  }

  /**
   * Every request the authorization server's revocation endpoint received, oldest first: {@code
   * at}, {@code token_type_hint}, {@code live} (whether it ended a live grant) and {@code status}.
   */
  public static java.util.List<JsonObject> revocations() {
    Api.Reply reply =
        Api.send(HttpRequest.newBuilder(URI.create(BASE + "/control/revocations")).GET());
    if (reply.status() != 200) {
      throw new IllegalStateException("demo vendor control failed: " + reply);
    }
    return reply.json().getJsonArray("revocations").getValuesAs(JsonObject.class);
  }

  public static void clearRevocations() {
    expect204or200(
        Api.send(HttpRequest.newBuilder(URI.create(BASE + "/control/revocations")).DELETE()));
  }

  /** While on, the revocation endpoint answers 503 with Retry-After, as in a vendor's outage. */
  public static void revocationOutage(boolean on) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(BASE + "/control/revocations/outage"));
    expect204or200(
        Api.send(on ? request.POST(HttpRequest.BodyPublishers.noBody()) : request.DELETE()));
  }

  /** Until the revocation endpoint has ended a live grant, at most {@code within}; that request. */
  public static JsonObject awaitLiveRevocation(java.time.Duration within)
      throws InterruptedException {
    java.time.Instant deadline = java.time.Instant.now().plus(within);
    while (true) {
      java.util.List<JsonObject> seen = revocations();
      java.util.Optional<JsonObject> live =
          seen.stream().filter(entry -> entry.getBoolean("live")).findFirst();
      if (live.isPresent()) {
        return live.get();
      }
      if (java.time.Instant.now().isAfter(deadline)) {
        throw new AssertionError("no live grant revoked within " + within + ": " + seen);
      }
      Thread.sleep(250);
    }
  }

  /**
   * What the authorization server's token endpoint was shown in refresh grants since the last
   * {@link #clearRefreshes}: {@code refreshes}, {@code refused} (a token it no longer held) and
   * {@code presented_again} (a refresh token shown a second time, whether honoured or not).
   */
  public static JsonObject refreshes() {
    Api.Reply reply =
        Api.send(HttpRequest.newBuilder(URI.create(BASE + "/control/refreshes")).GET());
    if (reply.status() != 200) {
      throw new IllegalStateException("demo vendor control failed: " + reply);
    }
    return reply.json();
  }

  public static void clearRefreshes() {
    expect204or200(
        Api.send(HttpRequest.newBuilder(URI.create(BASE + "/control/refreshes")).DELETE()));
  }

  public static void reset() {
    expect204or200(
        Api.send(
            HttpRequest.newBuilder(URI.create(BASE + "/control/reset"))
                .POST(HttpRequest.BodyPublishers.noBody())));
  }

  private static void expect204or200(Api.Reply reply) {
    if (reply.status() != 204 && reply.status() != 200) {
      throw new IllegalStateException("demo vendor control failed: " + reply);
    }
  }

  /**
   * A catalog vendor of a test's own, {@code <prefix>-<8 hex digits>}, served by the demo vendor's
   * MCP server (payments data, read scopes), added by the operator token given: its tools are
   * discovered at its first connect and all await review. Returns its id.
   */
  static String catalogued(String prefix, String displayName, String operator, String reason) {
    String demoUrl =
        Api.get("/api/v1/catalog/vendors/" + Gateway.VENDOR, operator)
            .json()
            .getString("serverUrl");
    String id = prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    Api.Reply created =
        Api.post(
            "/api/v1/catalog/vendors",
            operator,
            "{\"id\":\""
                + id
                + "\",\"displayName\":\""
                + displayName
                + "\",\"kind\":\"MCP\",\"serverUrl\":\""
                + demoUrl
                + "\",\"readScopes\":[\"openid\",\"payments:read\"],"
                + "\"dataDomains\":[\"payments\"],\"resourcesEnabled\":false,"
                + "\"reason\":\""
                + reason
                + "\"}");
    if (created.status() != 201) {
      throw new IllegalStateException("cannot add the vendor " + id + ": " + created);
    }
    return id;
  }
}
