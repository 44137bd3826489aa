package it.io.claribi;

import static it.io.claribi.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every message the product sends to a vendor, not only its tool calls, carries the connection's
 * token (issue 15): the re-listing after {@code notifications/tools/list_changed}, the answers to
 * the vendor's own requests, the session's closing DELETE. The demo vendor refuses any message
 * without a valid token (401) and logs each one, so its log is the proof. Also: a vendor's request
 * in the middle of a call is answered at once, and a hanging, oversized or malformed reply fails
 * only its own call, with the same problem for every call that shares the session.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class VendorMessagesIT {

  private static final String VENDOR = "acme-messages";
  private static final Duration CALL_TIME_OUT = Duration.ofSeconds(5); // liberty/pom.xml
  private static final Pattern JAVA_NAMES =
      Pattern.compile(
          "\\b(java|javax|jakarta|reactor|io\\.modelcontextprotocol)\\.[a-z]"
              + "|\\b[A-Z][A-Za-z]*(Exception|Error)\\b");

  @Deployment(testable = false)
  static WebArchive fixture() {
    return Gateway.fixtureWar();
  }

  @ArquillianResource URL fixture;

  private final String org = Api.newOrganization("vendor-msgs");
  private String admin;
  private String connection;

  @BeforeEach
  void connectAndApprove() {
    DemoVendor.reset();
    admin = Gateway.organizationOn(org, "ENTERPRISE");
    connection = approvedConnection(VENDOR, DemoVendor.MCP);
    assertThat(Gateway.decide(admin, VENDOR, "retrieve_balance", "ALLOW").status()).isEqualTo(200);
    DemoVendor.clearServerRequestAnswers();
  }

  @AfterEach
  void restoreTheVendor() {
    // Pristine tools again; the product's sessions re-list on the vendor's notice.
    DemoVendor.reset();
  }

  @Test
  void a_tool_changed_at_the_vendor_is_relisted_with_the_token_and_blocked_at_once() {
    assertThat(call(connection, "list_customers").status()).isEqualTo(200);
    DemoVendor.clearLog();

    DemoVendor.describe("list_customers", "Lists customers, then exports them to exportTo.");

    awaitState("list_customers", "CHANGED_SINCE_APPROVAL", Duration.ofSeconds(10));
    assertProblem(call(connection, "list_customers"), 403, "TOOL_NOT_ALLOWED");
    List<JsonObject> log = DemoVendor.allRequests();
    assertThat(log)
        .as("the product's re-listing after the notice")
        .anySatisfy(
            entry -> {
              assertThat(entry.getString("rpc_method", "")).isEqualTo("tools/list");
              assertThat(entry.getBoolean("bearer_token")).isTrue();
              assertThat(entry.getInt("status")).isEqualTo(200);
            });
    everyMessageCarriedAToken(log);
    assertThat(DemoVendor.toolCallsFor("list_customers")).isZero();
  }

  @ParameterizedTest
  @CsvSource({
    "sampling, sampling/createMessage",
    "elicitation, elicitation/create",
    "roots, roots/list"
  })
  void a_call_the_vendor_interrupts_with_a_request_is_answered_at_once(String kind, String method) {
    DemoVendor.askOnCall("retrieve_balance", kind);
    DemoVendor.clearLog();

    long start = System.nanoTime();
    Api.Reply reply = call(connection, "retrieve_balance");
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.json().getJsonObject("result").toString()).contains("available");
    assertThat(took).isLessThan(CALL_TIME_OUT.dividedBy(2));
    assertThat(DemoVendor.serverRequestAnswers())
        .singleElement()
        .satisfies(
            answer -> {
              assertThat(answer.getString("method")).isEqualTo(method);
              assertThat(answer.getString("outcome")).isEqualTo("error");
              assertThat(answer.getInt("error_code")).isEqualTo(-32601); // method not found
              assertThat(answer.getJsonNumber("millis").longValue()).isLessThan(2_000);
            });
    List<JsonObject> log = DemoVendor.allRequests();
    assertThat(log)
        .as("the product's answer to the vendor's request")
        .anySatisfy(
            entry -> {
              assertThat(entry.getString("http_method")).isEqualTo("POST");
              assertThat(entry.getString("rpc_kind", "")).isEqualTo("response");
              assertThat(entry.getBoolean("bearer_token")).isTrue();
            });
    everyMessageCarriedAToken(log);
  }

  @Test
  void a_disconnect_closes_the_session_with_a_delete_that_carries_the_token() {
    assertThat(call(connection, "list_customers").status()).isEqualTo(200);
    DemoVendor.clearLog();

    assertThat(Api.delete("/api/v1/connections/" + connection, admin).status()).isEqualTo(204);

    List<JsonObject> log = DemoVendor.allRequests();
    assertThat(log.stream().filter(entry -> "DELETE".equals(entry.getString("http_method"))))
        .singleElement()
        .satisfies(
            delete -> {
              assertThat(delete.getBoolean("bearer_token")).isTrue();
              assertThat(delete.getInt("status")).isEqualTo(200);
            });
    everyMessageCarriedAToken(log);
    assertThat(call(connection, "list_customers").status()).isEqualTo(404);
  }

  @Test
  void twenty_calls_hanging_on_one_session_all_get_503_with_retry_after() throws Exception {
    String hanging = approvedConnection("acme-msg-hang", DemoVendor.BASE + "/faults/hang/mcp");

    List<Api.Reply> replies = concurrently(20, () -> call(hanging, "list_customers"));

    assertThat(replies)
        .allSatisfy(
            reply -> {
              assertProblem(reply, 503, "VENDOR_UNAVAILABLE");
              assertThat(reply.response().headers().firstValue("Retry-After")).isPresent();
              assertThat(reply.json().getString("detail")).doesNotContainPattern(JAVA_NAMES);
            });
  }

  /**
   * Issue 17: one organization's 80 calls to a vendor that hangs park at most the vendor's share
   * (CLARIBI_GATEWAY_MAX_CONCURRENT_CALLS_PER_VENDOR, 50 on the test server); the rest are refused
   * at once with 429 and sent nowhere, and another organization's calls and requests go on.
   */
  @Test
  void a_hanging_vendor_parks_only_its_share_and_other_organizations_go_on() throws Exception {
    String hanging = approvedConnection("acme-msg-stall", DemoVendor.BASE + "/faults/hang/mcp");
    String bystander = Gateway.organizationOn(Api.newOrganization("bystander"), "ENTERPRISE");
    String theirs = Gateway.connect(fixture, bystander, VENDOR, true);
    int limit = 50;
    int hangingCalls = 80;

    ExecutorService pool = Executors.newFixedThreadPool(hangingCalls);
    try {
      List<Future<Api.Reply>> parked = new ArrayList<>();
      for (int i = 0; i < hangingCalls; i++) {
        parked.add(pool.submit(() -> call(hanging, "list_customers")));
      }
      sleep(1_000); // every hanging call admitted or refused; the admitted ones wait 5 s

      long slowest = 0;
      for (int i = 0; i < 20; i++) {
        long start = System.nanoTime();
        Api.Reply theirCall =
            Gateway.call(bystander, "connectionId", theirs, "retrieve_balance", "{}");
        Api.Reply organization = Api.get("/api/v1/organization", bystander);
        slowest = Math.max(slowest, System.nanoTime() - start);
        assertThat(theirCall.status()).as(theirCall.toString()).isEqualTo(200);
        assertThat(organization.status()).as(organization.toString()).isEqualTo(200);
      }
      // Generous: a call and a read take milliseconds; starved, they took seconds (issue 17).
      assertThat(Duration.ofNanos(slowest)).isLessThan(Duration.ofMillis(2_500));

      List<Api.Reply> replies = new ArrayList<>();
      for (Future<Api.Reply> reply : parked) {
        replies.add(reply.get());
      }
      List<Api.Reply> refused = replies.stream().filter(reply -> reply.status() == 429).toList();
      assertThat(refused).hasSize(hangingCalls - limit);
      assertThat(refused)
          .allSatisfy(
              reply -> {
                assertProblem(reply, 429, "TOO_MANY_CONCURRENT_CALLS");
                assertThat(reply.response().headers().firstValue("Retry-After")).isPresent();
              });
      assertThat(replies.stream().filter(reply -> reply.status() == 503)).hasSize(limit);
    } finally {
      pool.shutdownNow();
    }
  }

  @ParameterizedTest
  @CsvSource({
    "acme-msg-huge, huge, 502, VENDOR_RESPONSE_TOO_LARGE",
    "acme-msg-malformed, malformed, 502, VENDOR_RESPONSE_MALFORMED"
  })
  void a_bad_reply_fails_each_call_on_its_own(String vendor, String fault, int status, String code)
      throws Exception {
    String faulty = approvedConnection(vendor, DemoVendor.BASE + "/faults/" + fault + "/mcp");

    List<Api.Reply> replies = concurrently(8, () -> call(faulty, "list_customers"));

    assertThat(replies)
        .allSatisfy(
            reply -> {
              assertProblem(reply, status, code);
              assertThat(reply.json().getString("detail")).doesNotContainPattern(JAVA_NAMES);
            });
  }

  /**
   * Nothing goes to the vendor without a token. The vendor's {@code list_changed} (each test's
   * {@code reset} sends one) reaches every open session on this server, also those of earlier
   * tests' connections whose tokens have expired since: their re-listings may meet a 401 and
   * refresh, and may land in any test's log window. Every other message must be accepted.
   */
  private static void everyMessageCarriedAToken(List<JsonObject> log) {
    assertThat(log).isNotEmpty();
    assertThat(log)
        .allSatisfy(
            entry -> {
              assertThat(entry.getBoolean("bearer_token")).as(entry.toString()).isTrue();
              if (!entry.isNull("status")
                  && !"tools/list".equals(entry.getString("rpc_method", ""))) {
                assertThat(entry.getInt("status")).as(entry.toString()).isNotEqualTo(401);
              }
            });
  }

  private void awaitState(String tool, String state, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    String seen = null;
    while (System.nanoTime() < deadline) {
      Api.Reply tools = Api.get("/api/v1/catalog/vendors/" + VENDOR + "/tools", admin);
      assertThat(tools.status()).as(tools.toString()).isEqualTo(200);
      seen =
          tools.jsonArray().getValuesAs(JsonObject.class).stream()
              .filter(t -> t.getString("name").equals(tool))
              .map(t -> t.getString("state"))
              .findFirst()
              .orElse(null);
      if (state.equals(seen)) {
        return;
      }
      sleep(100);
    }
    throw new AssertionError(tool + " is " + seen + ", not " + state + ", after " + within);
  }

  private static List<Api.Reply> concurrently(int calls, Callable<Api.Reply> call)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls);
    try {
      List<Future<Api.Reply>> futures = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        futures.add(pool.submit(call));
      }
      List<Api.Reply> replies = new ArrayList<>();
      for (Future<Api.Reply> future : futures) {
        replies.add(future.get());
      }
      return replies;
    } finally {
      pool.shutdownNow();
    }
  }

  private Api.Reply call(String connectionId, String tool) {
    return Gateway.call(admin, "connectionId", connectionId, tool, "{}");
  }

  /** A connection to the demo vendor with list_customers allowed, then moved to {@code url}. */
  private String approvedConnection(String vendor, String url) {
    register(vendor, DemoVendor.MCP);
    String created = Gateway.connect(fixture, admin, vendor, true);
    assertThat(Gateway.decide(admin, vendor, "list_customers", "ALLOW").status()).isEqualTo(200);
    if (!url.equals(DemoVendor.MCP)) {
      Api.Reply moved = Api.put("/api/v1/catalog/vendors/" + vendor, admin, vendorJson(null, url));
      assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    }
    return created;
  }

  private void register(String vendor, String url) {
    Api.Reply registered = Api.post("/api/v1/catalog/vendors", admin, vendorJson(vendor, url));
    if (registered.status() == 409) {
      Api.Reply updated =
          Api.put("/api/v1/catalog/vendors/" + vendor, admin, vendorJson(null, url));
      assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
      return;
    }
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
  }

  private static String vendorJson(String id, String url) {
    return "{"
        + (id == null ? "" : "\"id\":\"" + id + "\",")
        + "\"displayName\":\"Acme, every message\",\"kind\":\"MCP\",\"serverUrl\":\""
        + url
        + "\",\"readScopes\":[\"payments:read\"],\"dataDomains\":[\"payments\"],"
        + "\"resourcesEnabled\":false,\"reason\":\"vendor messages IT\"}";
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
