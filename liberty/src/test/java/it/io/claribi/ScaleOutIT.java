package it.io.claribi;

import static it.io.claribi.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.modern.client.McpSyncClient;
import io.modelcontextprotocol.modern.client.SubscriptionEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The guarantees of a scaled-out installation (issue 20), on two nodes behind HAProxy sharing one
 * PostgreSQL database ({@link TwoNodes}): a quota counted once across both, one refresh for a token
 * both nodes find about to expire, a disconnect on one node that the other's calls respect at once,
 * an operator's decision and a plan change on one node that the other applies to its very next call
 * and tells its MCP listeners, a key rotation that one node runs once while both serve, the
 * database away for 20 s, a vendor away for 30 s, and a node killed under load that the balancer
 * drains while the other serves, finishes the dead node's rotation, makes the revocation it owed
 * and sweeps its unfinished connect, and nothing of the answered calls is lost. The kill comes
 * last: node 2 stays down.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

  private static final String TOOL = QuotaIT.TOOL;

  /** Calls that {@link #awaitServing} had answered: they are uses too. */
  private static final java.util.concurrent.atomic.LongAdder PROBES =
      new java.util.concurrent.atomic.LongAdder();

  /** The demo's access tokens live 75 s and are refreshed 60 s ahead; see liberty/pom.xml. */
  private static final long UNTIL_REFRESH_MILLIS = 16_000;

  @BeforeAll
  static void twoNodesBehindABalancer() throws Exception {
    assumeTrue(
        "postgresql".equals(System.getProperty("claribi.db.kind")),
        "PostgreSQL profile only: two nodes cannot share an embedded Derby database");
    TwoNodes.started();
  }

  @AfterAll
  static void discardNode2AndTheBalancer() {
    TwoNodes.stopIfRunning();
  }

  @Test
  @Order(1)
  void two_times_32_callers_through_the_balancer_with_n_calls_left_get_exactly_n()
      throws Exception {
    String admin = Gateway.organizationOn(Api.newOrganization("scale-quota"), "TRIAL");
    String connection = Consent.connect(admin, TOOL);
    int before = 10;
    for (int i = 0; i < before; i++) {
      assertThat(call(TwoNodes.BALANCER, admin, connection).status()).isEqualTo(200);
    }
    long node1 = TwoNodes.requestsTo("node1");
    long node2 = TwoNodes.requestsTo("node2");
    DemoVendor.clearLog();

    List<Api.Reply> replies =
        QuotaIT.concurrently(
            QuotaIT.CALLERS,
            () -> QuotaIT.retryingWhileBusy(() -> call(TwoNodes.BALANCER, admin, connection)));

    int left = QuotaIT.TRIAL_QUOTA - before;
    assertThat(replies).filteredOn(r -> r.status() == 200).hasSize(left);
    assertThat(replies.stream().filter(r -> r.status() != 200).toList())
        .hasSize(QuotaIT.CALLERS - left)
        .allSatisfy(QuotaIT::isQuotaExceeded);
    assertThat(DemoVendor.toolCallsFor(TOOL)).isEqualTo(left);
    assertThat(QuotaIT.usage(admin).getJsonNumber("used").longValue())
        .isEqualTo(QuotaIT.TRIAL_QUOTA);
    assertThat(TwoNodes.requestsTo("node1") - node1)
        .as("node 1's share in %s", TwoNodes.balancerStatistics())
        .isGreaterThan(16);
    assertThat(TwoNodes.requestsTo("node2") - node2).as("node 2's share").isGreaterThan(16);
  }

  @Test
  @Order(2)
  void fifty_calls_over_both_nodes_share_one_refresh() throws Exception {
    String admin = Gateway.organizationOn(Api.newOrganization("scale-refresh"), "PROFESSIONAL");
    String connection = Consent.connect(admin, TOOL);
    assertThat(call(TwoNodes.BALANCER, admin, connection).status()).isEqualTo(200);

    Thread.sleep(UNTIL_REFRESH_MILLIS);
    DemoVendor.clearRefreshes();
    List<Api.Reply> replies =
        QuotaIT.concurrently(
            50, () -> QuotaIT.retryingWhileBusy(() -> call(TwoNodes.BALANCER, admin, connection)));

    assertThat(replies)
        .allSatisfy(reply -> assertThat(reply.status()).as(reply.body()).isEqualTo(200));
    // at the vendor: one refresh grant, with a token it held, and no refresh token shown twice
    JsonObject atTheVendor = DemoVendor.refreshes();
    assertThat(atTheVendor.getInt("refreshes")).as(atTheVendor.toString()).isEqualTo(1);
    assertThat(atTheVendor.getInt("refused")).as(atTheVendor.toString()).isZero();
    assertThat(atTheVendor.getInt("presented_again")).as(atTheVendor.toString()).isZero();
    assertThat(events(admin, connection, "CREDENTIAL_REFRESHED")).hasSize(1);
  }

  @Test
  @Order(3)
  void a_disconnect_on_node_1_stops_the_calls_under_way_on_node_2() throws Exception {
    String admin = Gateway.organizationOn(Api.newOrganization("scale-disconnect"), "PROFESSIONAL");
    String connection = Consent.connect(admin, TOOL);
    assertThat(call(TwoNodes.NODE_2, admin, connection).status()).isEqualTo(200);
    DemoVendor.clearLog();
    CountDownLatch underWay = new CountDownLatch(20);
    AtomicBoolean stop = new AtomicBoolean();
    List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
    ExecutorService callers = Executors.newFixedThreadPool(8);
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      running.add(
          callers.submit(
              () -> {
                while (!stop.get()) {
                  statuses.add(
                      QuotaIT.retryingWhileBusy(() -> call(TwoNodes.NODE_2, admin, connection))
                          .status());
                  underWay.countDown();
                }
              }));
    }
    try {
      assertThat(underWay.await(60, TimeUnit.SECONDS)).isTrue();
      Api.Reply disconnected =
          Api.send(
              HttpRequest.newBuilder(
                      URI.create(TwoNodes.NODE_1 + "/api/v1/connections/" + connection))
                  .timeout(Duration.ofSeconds(20))
                  .header("Authorization", "Bearer " + admin)
                  .DELETE());
      assertThat(disconnected.status()).as(disconnected.body()).isEqualTo(204);
      int atCommit = DemoVendor.toolCalls();
      Thread.sleep(2000); // node 2's callers keep trying meanwhile
      stop.set(true);
      for (Future<?> caller : running) {
        caller.get(60, TimeUnit.SECONDS);
      }

      assertThat(DemoVendor.toolCalls())
          .as("tool calls at the vendor after the disconnect's answer")
          .isEqualTo(atCommit);
      assertThat(statuses).containsOnly(200, 404).contains(404);
      assertProblem(call(TwoNodes.NODE_2, admin, connection), 404, "NOT_FOUND");
    } finally {
      stop.set(true);
      callers.shutdownNow();
    }
  }

  @Test
  @Order(4)
  void a_decision_and_a_plan_change_on_node_1_apply_to_the_next_call_on_node_2() throws Exception {
    String org = Api.newOrganization("scale-decisions");
    String admin = Gateway.organizationOn(org, "PROFESSIONAL");
    String operator = Api.token("platform-ops", "platform-operator");
    String connection = Consent.connect(admin, TOOL);
    assertThat(call(TwoNodes.NODE_2, admin, connection).status()).isEqualTo(200);
    // MCP clients of the organization that listen on node 2: a 2025 session, a 2026 subscription
    BlockingQueue<List<String>> session = new LinkedBlockingQueue<>();
    BlockingQueue<SubscriptionEvent> subscription = new LinkedBlockingQueue<>();
    io.modelcontextprotocol.client.McpSyncClient sessionClient = listeningSession(org, session);
    McpSyncClient statelessClient =
        McpClients.stateless(McpClients.token(org, "integrator"), TwoNodes.NODE_2 + "/mcp");
    McpSyncClient.Listening listening =
        statelessClient.listen().toolsChanged().open(subscription::add);

    try {
      assertThat(subscription.poll(20, TimeUnit.SECONDS))
          .isInstanceOf(SubscriptionEvent.Subscribed.class);
      assertThat(decide(TwoNodes.NODE_1, operator, "DENY").status()).isEqualTo(200);
      assertProblem(call(TwoNodes.NODE_2, admin, connection), 403, "TOOL_NOT_ALLOWED");
      assertThat(session.poll(20, TimeUnit.SECONDS))
          .as("the 2025 session on node 2 was told within 20 s")
          .isNotNull()
          .doesNotContain(Gateway.VENDOR + "__" + TOOL);
      assertThat(subscription.poll(20, TimeUnit.SECONDS))
          .as("the 2026 subscription on node 2 heard within 20 s")
          .isInstanceOf(SubscriptionEvent.ToolsListChanged.class);
    } finally {
      listening.close();
      sessionClient.closeGracefully();
      assertThat(decide(TwoNodes.NODE_1, operator, "ALLOW").status()).isEqualTo(200);
    }
    assertThat(call(TwoNodes.NODE_2, admin, connection).status()).isEqualTo(200);

    Api.Reply downgraded =
        Api.send(
            HttpRequest.newBuilder(URI.create(TwoNodes.NODE_1 + "/api/v1/organizations/" + org))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + operator)
                .header("Content-Type", "application/json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\""
                            + org
                            + "\",\"plan\":\"LITE\",\"reason\":\"scale-out IT\"}")));
    assertThat(downgraded.status()).as(downgraded.body()).isEqualTo(200);
    assertProblem(call(TwoNodes.NODE_2, admin, connection), 403, "PLAN_UPGRADE_REQUIRED");
  }

  @Test
  @Order(5)
  void a_rotation_started_on_node_1_while_both_nodes_serve_finishes_once() throws Exception {
    String admin = Gateway.organizationOn(Api.newOrganization("scale-rotation"), "ENTERPRISE");
    String operator = Api.token("platform-ops", "platform-operator");
    List<String> connections = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      connections.add(Consent.connect(admin, TOOL));
    }
    String key = TwoNodes.started().newPrimaryKey(operator);
    long toMove = TwoNodes.rotationOn(TwoNodes.NODE_1, operator).getInt("rowsRemaining");
    assertThat(toMove).as("rows under older keys").isGreaterThanOrEqualTo(connections.size());

    AtomicBoolean stop = new AtomicBoolean();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    ExecutorService callers = Executors.newFixedThreadPool(6);
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String node = i % 2 == 0 ? TwoNodes.NODE_1 : TwoNodes.NODE_2;
      String connection = connections.get(i % connections.size());
      running.add(
          callers.submit(
              () -> {
                while (!stop.get()) {
                  Api.Reply reply = QuotaIT.retryingWhileBusy(() -> call(node, admin, connection));
                  if (reply.status() != 200) {
                    failures.add(node + ": " + reply);
                  }
                }
              }));
    }
    try {
      Thread.sleep(1000);
      // node 1 starts the run; node 2, asked at the same moment, neither starts a second one nor
      // joins it
      List<Api.Reply> both =
          QuotaIT.concurrently(
              2,
              new java.util.concurrent.Callable<>() {
                private final java.util.concurrent.atomic.AtomicInteger next =
                    new java.util.concurrent.atomic.AtomicInteger();

                @Override
                public Api.Reply call() {
                  String node = next.getAndIncrement() == 0 ? TwoNodes.NODE_1 : TwoNodes.NODE_2;
                  return post(node, "/api/v1/credentials/rotation", operator, null);
                }
              });
      Api.Reply started =
          both.stream().filter(reply -> reply.status() == 202).findFirst().orElseThrow();
      JsonObject run = started.json().getJsonObject("run");
      Api.Reply second = both.get(both.indexOf(started) == 0 ? 1 : 0);
      assertProblem(second, 409, "ROTATION_RUNNING");
      assertThat(second.json().getString("detail")).contains(run.getString("worker"));

      JsonObject finished = awaitFinished(TwoNodes.NODE_2, operator, Duration.ofSeconds(90));
      Thread.sleep(1000); // the callers go on under the new key alone
      stop.set(true);
      for (Future<?> caller : running) {
        caller.get(60, TimeUnit.SECONDS);
      }

      assertThat(failures).as("calls on either node during and after the rotation").isEmpty();
      JsonObject done = finished.getJsonObject("run");
      assertThat(done.getString("id")).isEqualTo(run.getString("id"));
      assertThat(done.getString("worker")).isEqualTo(run.getString("worker"));
      assertThat(done.getJsonNumber("rowsResealed").longValue()).isBetween(1L, toMove);
      assertThat(finished.getString("primaryKey")).isEqualTo(key);
      assertThat(finished.getJsonNumber("rowsRemaining").longValue())
          .isEqualTo(done.getJsonNumber("rowsUnopenable").longValue());
      assertThat(TwoNodes.rotationOn(TwoNodes.NODE_1, operator).getJsonObject("run"))
          .as("both nodes report the same run")
          .isEqualTo(done);
      assertThat(events(admin, null, "KEY_ROTATION_FINISHED")).as("finished once").hasSize(1);
      // in one go: no pass failed (a job that ran as the operator who started it could not write
      // the organizations' KEY_ROTATION_FINISHED, and was retried until its lease ran out)
      assertThat(LibertyServer.underTest().allLogs())
          .doesNotContain("Key rotation " + run.getString("id") + " pass failed")
          .doesNotContain("left unfinished by " + run.getString("worker"));
      for (String connection : connections) {
        for (String node : List.of(TwoNodes.NODE_1, TwoNodes.NODE_2)) {
          assertThat(call(node, admin, connection).status())
              .as("%s opens on %s", connection, node)
              .isEqualTo(200);
        }
      }
    } finally {
      stop.set(true);
      callers.shutdownNow();
    }
  }

  @Test
  @Order(6)
  void the_database_away_for_20_s_gives_fast_503s_and_both_nodes_recover_by_themselves()
      throws Exception {
    String admin = Gateway.organizationOn(Api.newOrganization("scale-db-away"), "ENTERPRISE");
    String connection = Consent.connect(admin, TOOL);
    Load load = Load.of(8, () -> call(TwoNodes.BALANCER, admin, connection));
    Instant away;
    Instant back;
    Duration recovered;
    try {
      Thread.sleep(2000);
      away = Instant.now();
      Database.away();
      try {
        Thread.sleep(20_000);
      } finally {
        Database.back();
        back = Instant.now();
      }
      recovered = awaitServing(admin, connection, Duration.ofSeconds(90));
      Thread.sleep(3000);
    } finally {
      load.stop();
    }

    List<Load.Answer> during = load.between(away.plusSeconds(2), back);
    assertThat(during).as("calls while the database was away").isNotEmpty();
    assertThat(during)
        .as("each fails fast with a problem and Retry-After")
        .allSatisfy(
            answer -> {
              assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
              assertThat(answer.code()).isIn("DATABASE_UNAVAILABLE", "NO_NODE_AVAILABLE");
              assertThat(answer.retryAfter()).as(answer.toString()).isTrue();
              assertThat(answer.took()).as(answer.toString()).isLessThan(Duration.ofSeconds(10));
            });
    assertThat(load.all())
        .as("never a 500, never an unanswered call")
        .allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isIn(200, 503));
    assertThat(load.between(back.plus(recovered).plusSeconds(1), Instant.now()))
        .as(
            "through the balancer once both nodes serve again (%s after the database came back)",
            recovered)
        .isNotEmpty()
        .allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(200));
    assertThat(TwoNodes.statusOf("node1")).startsWith("UP");
    assertThat(TwoNodes.statusOf("node2")).startsWith("UP");
    // every answered call's usage record reached the trail, no answer left without one (a call
    // the vendor answered while the database went away is withheld, 503), and the chain holds
    long answered =
        load.all().stream().filter(answer -> answer.status() == 200).count() + PROBES.sum();
    assertThat(awaitUsed(admin, connection, answered, Duration.ofSeconds(60)))
        .as("usage records with outcome OK")
        .isEqualTo(answered);
    JsonObject verified = Api.get("/api/v1/audit/verify", admin).json();
    assertThat(verified.getBoolean("intact")).as(verified.toString()).isTrue();
    // nothing exhausted or leaked: once the load is gone, neither node holds a pool connection or
    // a request thread from the outage (a thread hung on a dead socket would hold both)
    for (String node : List.of(TwoNodes.NODE_1, TwoNodes.NODE_2)) {
      NodeMetrics.awaitSettled(node, 1, 2, Duration.ofSeconds(30));
    }
  }

  @Test
  @Order(7)
  void a_vendor_down_for_30_s_gives_503s_with_retry_after_to_its_callers_alone() throws Exception {
    String vendor = "acme-outage-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    String adminA = Gateway.organizationOn(Api.newOrganization("scale-outage"), "ENTERPRISE");
    String adminB = Gateway.organizationOn(Api.newOrganization("scale-no-outage"), "ENTERPRISE");
    Api.Reply registered =
        Api.post(
            "/api/v1/catalog/vendors",
            adminA,
            "{\"id\":\"" + vendor + "\"," + vendorJson(TwoNodes.VENDOR_FRONT));
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    // its MCP server is the demo vendor's, behind the relay: the token is granted for the relay's
    // URL, the resource the vendor's metadata names there
    String outage = Consent.connectTo(vendor, adminA, "list_customers");
    Api.Reply first = call(TwoNodes.BALANCER, adminA, outage, "list_customers");
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    String other = Consent.connect(adminB, TOOL);
    Load ofA = Load.of(4, () -> call(TwoNodes.BALANCER, adminA, outage, "list_customers"));
    Load ofB = Load.of(4, () -> call(TwoNodes.BALANCER, adminB, other));
    TwoNodes nodes = TwoNodes.started();
    Instant down;
    Instant up;
    try {
      Thread.sleep(2000);
      down = Instant.now();
      nodes.vendorDown();
      try {
        Thread.sleep(30_000);
      } finally {
        up = Instant.now(); // calls asked from here on may find it back
        nodes.vendorUp();
      }
      Thread.sleep(15_000);
    } finally {
      ofA.stop();
      ofB.stop();
    }

    assertThat(ofA.between(down.plusSeconds(1), up))
        .as("the vendor's callers while it was down")
        .isNotEmpty()
        .allSatisfy(
            answer -> {
              assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
              assertThat(answer.code()).isEqualTo("VENDOR_UNAVAILABLE");
              assertThat(answer.retryAfter()).as(answer.toString()).isTrue();
            });
    assertThat(ofA.between(up.plusSeconds(10), Instant.now()))
        .as("the vendor's callers 10 s after it came back")
        .isNotEmpty()
        .allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(200));
    assertThat(ofB.all())
        .as("another organization's calls to another vendor, throughout")
        .isNotEmpty()
        .allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(200));
  }

  @Test
  @Order(8)
  void a_node_killed_under_load_is_drained_and_no_answered_call_goes_unrecorded() throws Exception {
    String admin = Gateway.organizationOn(Api.newOrganization("scale-kill"), "ENTERPRISE");
    String operator = Api.token("platform-ops", "platform-operator");
    String connection = Consent.connect(admin, TOOL);
    // work node 2 holds when it dies: a rotation run (it rotates slowly) and a connect nobody
    // finishes (its connects expire after 5 s)
    TwoNodes.started().newPrimaryKey(operator);
    Api.Reply rotating = post(TwoNodes.NODE_2, "/api/v1/credentials/rotation", operator, null);
    assertThat(rotating.status()).as(rotating.body()).isEqualTo(202);
    JsonObject rotation = rotating.json().getJsonObject("run");
    Api.Reply connecting =
        post(
            TwoNodes.NODE_2,
            "/api/v1/connections",
            admin,
            "{\"vendor\":\""
                + Gateway.VENDOR
                + "\",\"returnTo\":\""
                + Api.BASE
                + "/console/data-sources.xhtml\"}");
    assertThat(connecting.status()).as(connecting.body()).isEqualTo(201);
    String pending = connecting.json().getString("connectionId");
    // and a revocation it owes: a connection disconnected on node 2 while the vendor's revocation
    // endpoint is down, so node 2's first attempt fails and the next is due after node 2 is dead
    String doomed = Consent.connect(admin, TOOL);
    DemoVendor.clearRevocations();
    DemoVendor.revocationOutage(true);
    Api.Reply disconnected =
        Api.send(
            HttpRequest.newBuilder(URI.create(TwoNodes.NODE_2 + "/api/v1/connections/" + doomed))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + admin)
                .DELETE());
    assertThat(disconnected.status()).as(disconnected.body()).isEqualTo(204);
    AtomicBoolean stop = new AtomicBoolean();
    List<Integer> statuses = new ArrayList<>(); // -1: the connection closed without an answer
    List<Instant> answeredAt = new ArrayList<>();
    ExecutorService callers = Executors.newFixedThreadPool(8);
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      running.add(
          callers.submit(
              () -> {
                while (!stop.get()) {
                  int status;
                  try {
                    status =
                        QuotaIT.retryingWhileBusy(() -> call(TwoNodes.BALANCER, admin, connection))
                            .status();
                  } catch (IllegalStateException closed) {
                    status = -1; // a call under way on the node that died
                  }
                  synchronized (statuses) {
                    statuses.add(status);
                    answeredAt.add(Instant.now());
                  }
                }
              }));
    }
    Instant killed;
    try {
      Thread.sleep(3000);
      JsonObject underWay = TwoNodes.rotationOn(TwoNodes.NODE_2, operator).getJsonObject("run");
      assertThat(underWay.getString("state"))
          .as("node 2's rotation before the kill")
          .isEqualTo("RUNNING");
      assertThat(DemoVendor.revocations())
          .as("node 2's first revocation attempt, refused by the vendor in its outage")
          .isNotEmpty()
          .allSatisfy(entry -> assertThat(entry.getInt("status")).isEqualTo(503));
      TwoNodes.started().node2.killNine();
      killed = Instant.now();
      DemoVendor.revocationOutage(false);
      Thread.sleep(12_000);
      stop.set(true);
      for (Future<?> caller : running) {
        caller.get(60, TimeUnit.SECONDS);
      }
    } finally {
      stop.set(true);
      callers.shutdownNow();
      DemoVendor.revocationOutage(false);
    }

    assertThat(TwoNodes.statusOf("node2")).as("the balancer took node 2 out").startsWith("DOWN");
    List<Integer> afterDrain = new ArrayList<>();
    List<Integer> duringDrain = new ArrayList<>();
    long answered = 0;
    synchronized (statuses) {
      for (int i = 0; i < statuses.size(); i++) {
        if (statuses.get(i) == 200) {
          answered++;
        }
        (answeredAt.get(i).isAfter(killed.plusSeconds(5)) ? afterDrain : duringDrain)
            .add(statuses.get(i));
      }
    }
    assertThat(afterDrain)
        .as("calls once the balancer had taken node 2 out (before: %s)", duringDrain)
        .isNotEmpty()
        .containsOnly(200);
    // calls under way on node 2 when it died may get no answer (or the balancer's 502/503),
    // never a wrong one
    assertThat(duringDrain).containsAnyOf(200).isSubsetOf(200, -1, 502, 503);
    // every answered call's usage record reaches the trail, also those node 2 answered just
    // before it died (their outbox rows are relayed by node 1); a call that died unanswered may
    // have been recorded or not, depending on how far it got
    long unanswered = duringDrain.stream().filter(status -> status != 200).count();
    assertThat(awaitUsed(admin, connection, answered, Duration.ofSeconds(60)))
        .isBetween(answered, answered + unanswered);
    JsonObject verified = Api.get("/api/v1/audit/verify", admin).json();
    assertThat(verified.getBoolean("intact")).as(verified.toString()).isTrue();

    // node 2's rotation: its lease runs out, node 1 takes the run over and finishes it
    JsonObject resumed = awaitFinished(TwoNodes.NODE_1, operator, Duration.ofSeconds(120));
    JsonObject run = resumed.getJsonObject("run");
    assertThat(run.getString("id")).isEqualTo(rotation.getString("id"));
    assertThat(run.getString("worker"))
        .as("the worker at the end")
        .isNotEqualTo(rotation.getString("worker"));
    assertThat(resumed.getJsonNumber("rowsRemaining").longValue())
        .isEqualTo(run.getJsonNumber("rowsUnopenable").longValue());
    // node 2's revocation: the survivor made it once it was due (5 s after node 2's attempt, at
    // its next sweep), and the vendor ended the grant
    JsonObject revoked = DemoVendor.awaitLiveRevocation(Duration.ofSeconds(60));
    assertThat(Instant.parse(revoked.getString("at"))).as("revoked at").isAfter(killed);
    assertThat(revoked.getString("token_type_hint")).isEqualTo("refresh_token");
    // node 2's unfinished connect: expired after 5 s, node 1's sweep (every minute) deletes it
    // with its attempt
    Instant deadline = Instant.now().plusSeconds(75);
    while (Consent.listedIds(admin).contains(pending) && Instant.now().isBefore(deadline)) {
      TimeUnit.MILLISECONDS.sleep(500);
    }
    assertThat(Consent.listedIds(admin))
        .as("the dead node's PENDING connect")
        .doesNotContain(pending);
  }

  private static Api.Reply call(String base, String token, String connection) {
    return call(base, token, connection, TOOL);
  }

  private static Api.Reply call(String base, String token, String connection, String tool) {
    JsonObject body =
        Json.createObjectBuilder()
            .add("connectionId", connection)
            .add("tool", tool)
            .add("arguments", Json.createObjectBuilder())
            .build();
    return Api.send(
        HttpRequest.newBuilder(URI.create(base + "/api/v1/tools/call"))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  /**
   * Until a call through each node succeeds and the balancer has both nodes in rotation again; how
   * long that took.
   */
  private static Duration awaitServing(String admin, String connection, Duration within)
      throws InterruptedException {
    Instant start = Instant.now();
    Instant deadline = start.plus(within);
    List<String> last = new ArrayList<>();
    while (Instant.now().isBefore(deadline)) {
      last.clear();
      for (String node : List.of(TwoNodes.NODE_1, TwoNodes.NODE_2)) {
        Api.Reply reply = call(node, admin, connection);
        if (reply.status() != 200) {
          last.add(node + ": " + reply);
        } else {
          PROBES.increment();
        }
      }
      for (String node : List.of("node1", "node2")) {
        if (!TwoNodes.statusOf(node).startsWith("UP")) {
          last.add(node + " is " + TwoNodes.statusOf(node) + " at the balancer");
        }
      }
      if (last.isEmpty()) {
        return Duration.between(start, Instant.now());
      }
      TimeUnit.MILLISECONDS.sleep(500);
    }
    throw new AssertionError("the nodes did not serve again within " + within + ": " + last);
  }

  /**
   * A 2025 MCP session of the organization on node 2 that hands each re-listing to {@code heard}.
   */
  private static io.modelcontextprotocol.client.McpSyncClient listeningSession(
      String org, BlockingQueue<List<String>> heard) {
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder(TwoNodes.NODE_2)
            .endpoint("/mcp")
            .requestBuilder(
                HttpRequest.newBuilder()
                    .header("Authorization", "Bearer " + McpClients.token(org, "integrator")))
            .openConnectionOnStartup(true)
            .build();
    io.modelcontextprotocol.client.McpSyncClient client =
        io.modelcontextprotocol.client.McpClient.sync(transport)
            .requestTimeout(Duration.ofSeconds(20))
            .toolsChangeConsumer(
                tools -> heard.add(tools.stream().map(tool -> tool.name()).toList()))
            .build();
    client.initialize();
    // what the session was shown: the tool the test then denies
    assertThat(client.listTools().tools())
        .extracting(tool -> tool.name())
        .contains(Gateway.VENDOR + "__" + TOOL);
    return client;
  }

  /** A POST with an optional JSON body to one node (or the balancer). */
  private static Api.Reply post(String base, String path, String token, String json) {
    return Api.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json)));
  }

  /**
   * The rest of a catalog vendor's JSON after its id: the demo vendor's read scope, at {@code url}.
   */
  private static String vendorJson(String url) {
    return "\"displayName\":\"Acme behind a relay\",\"kind\":\"MCP\",\"serverUrl\":\""
        + url
        // the demo's authorization server is an OpenID provider: its code flow needs "openid"
        + "\",\"readScopes\":[\"openid\",\"payments:read\"],\"dataDomains\":[\"payments\"],"
        + "\"resourcesEnabled\":false,\"reason\":\"scale-out IT\"}";
  }

  /** Until the run is FINISHED as {@code node} reports it; its status then. */
  private static JsonObject awaitFinished(String node, String operator, Duration within)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(within);
    JsonObject status = null;
    while (Instant.now().isBefore(deadline)) {
      status = TwoNodes.rotationOn(node, operator);
      if (!status.isNull("run")
          && "FINISHED".equals(status.getJsonObject("run").getString("state"))) {
        return status;
      }
      TimeUnit.MILLISECONDS.sleep(250);
    }
    throw new AssertionError("the rotation did not finish within " + within + ": " + status);
  }

  private static Api.Reply decide(String base, String operator, String decision) {
    return Api.send(
        HttpRequest.newBuilder(
                URI.create(
                    base
                        + "/api/v1/catalog/vendors/"
                        + Gateway.VENDOR
                        + "/tools/"
                        + Gateway.encode(TOOL)))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + operator)
            .header("Content-Type", "application/json")
            .PUT(
                HttpRequest.BodyPublishers.ofString(
                    "{\"decision\":\"" + decision + "\",\"reason\":\"scale-out IT\"}")));
  }

  private static List<JsonObject> events(String admin, String connection, String type) {
    Api.Reply page =
        Api.get(
            "/api/v1/audit/events?"
                + (connection == null ? "" : "connection=" + connection + "&")
                + "type="
                + type,
            admin);
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    return page.json().getJsonArray("events").getValuesAs(JsonObject.class);
  }

  /**
   * The connection's usage records of answered calls (outcome OK) in the trail, once there are
   * {@code expected} or time is up.
   */
  private static long awaitUsed(String admin, String connection, long expected, Duration within)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(within);
    long used = 0;
    while (Instant.now().isBefore(deadline)) {
      used = countUsed(admin, connection);
      if (used >= expected) {
        return used;
      }
      TimeUnit.MILLISECONDS.sleep(500);
    }
    return used;
  }

  private static long countUsed(String admin, String connection) {
    long count = 0;
    String cursor = null;
    do {
      Api.Reply page =
          Api.get(
              "/api/v1/audit/events?connection="
                  + connection
                  + "&type=CONNECTION_USED&limit=1000"
                  + (cursor == null ? "" : "&after=" + cursor),
              admin);
      assertThat(page.status()).as(page.body()).isEqualTo(200);
      count +=
          page.json().getJsonArray("events").getValuesAs(JsonObject.class).stream()
              .filter(event -> "OK".equals(event.getJsonObject("details").getString("outcome", "")))
              .count();
      cursor =
          page.json().containsKey("next") && !page.json().isNull("next")
              ? page.json().getString("next")
              : null;
    } while (cursor != null);
    return count;
  }
}
