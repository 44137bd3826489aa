package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.modelcontextprotocol.modern.McpSchema.CallToolResult;
import io.modelcontextprotocol.modern.client.McpSyncClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Not part of {@code mvn verify}: the soak of docs/benchmarks/soak.md, run with {@code
 * -Pscale-out-soak} (PostgreSQL). Two nodes behind HAProxy ({@link TwoNodes}) under a mixed load
 * for {@code soak.minutes} (default 20): tool calls over REST (8 callers) and MCP 2026-07-28 (2
 * callers) through the balancer for four organizations, a connect-call-disconnect every 5 s, an
 * audit export every 30 s, and at half time a new key in both nodes' key files and a rotation run
 * to it. Every minute it samples each node's heap after a full GC ({@code jcmd}), the database
 * connections in use, and each node's share of the responses; at the end it reports throughput,
 * p50/p99 per kind, errors by status, and verifies every organization's audit chain. The report
 * goes to {@code target/soak/report.md}.
 */
class ScaleOutSoak {

  private static final Duration LENGTH = Duration.ofMinutes(Integer.getInteger("soak.minutes", 20));
  private static final String TOOL = "retrieve_balance";
  private static final int REST_CALLERS = 8;
  private static final int MCP_CALLERS = 2;

  private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
  private final List<String> samples = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void twoNodes() throws Exception {
    assumeTrue(
        "postgresql".equals(System.getProperty("claribi.db.kind")),
        "PostgreSQL profile only: two nodes cannot share an embedded Derby database");
    TwoNodes.started();
  }

  @AfterAll
  static void stopThem() {
    TwoNodes.stopIfRunning();
  }

  @Test
  void two_nodes_under_mixed_load() throws Exception {
    // organizations, not tokens: development tokens expire within the run, so each use mints one
    List<String> organizations = new ArrayList<>();
    List<String> connections = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String organization = Api.newOrganization("soak");
      Gateway.organizationOn(organization, "ENTERPRISE");
      organizations.add(organization);
      connections.add(Consent.connect(admin(organization), TOOL, "list_customers"));
    }
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService workers = Executors.newCachedThreadPool();
    Instant started = Instant.now();
    sample("start", started);
    for (int i = 0; i < REST_CALLERS; i++) {
      workers.submit(
          () -> {
            while (!stop.get()) {
              int org = ThreadLocalRandom.current().nextInt(organizations.size());
              timed(
                  "rest tools/call",
                  () -> call(admin(organizations.get(org)), connections.get(org)));
            }
          });
    }
    for (int i = 0; i < MCP_CALLERS; i++) {
      int org = i;
      workers.submit(
          () -> {
            McpSyncClient client =
                McpClients.stateless(
                    () -> McpClients.token(organizations.get(org), "integrator"),
                    TwoNodes.BALANCER + "/mcp");
            while (!stop.get()) {
              timed(
                  "mcp tools/call",
                  () -> {
                    CallToolResult result =
                        client.tool("acme-payments__" + TOOL).arguments(Map.of()).call();
                    return Boolean.TRUE.equals(result.isError()) ? "tool error" : "200";
                  });
            }
          });
    }
    workers.submit(
        () -> {
          while (!stop.get()) {
            // not the MCP callers' organizations: a second connection to a vendor renames its
            // tools for the time it exists (docs/mcp.md), which the MCP callers do not re-list
            String organization =
                organizations.get(
                    MCP_CALLERS
                        + ThreadLocalRandom.current().nextInt(organizations.size() - MCP_CALLERS));
            timed(
                "connect, call, disconnect",
                () -> {
                  String id = Consent.connect(admin(organization), TOOL);
                  String called = call(admin(organization), id);
                  int gone = Api.delete("/api/v1/connections/" + id, admin(organization)).status();
                  return gone == 204 ? called : "disconnect " + gone;
                });
            pause(Duration.ofSeconds(5), stop);
          }
        });
    workers.submit(
        () -> {
          while (!stop.get()) {
            String organization =
                organizations.get(ThreadLocalRandom.current().nextInt(organizations.size()));
            timed(
                "audit export",
                () ->
                    String.valueOf(
                        Api.get("/api/v1/audit/events?format=jsonl", admin(organization))
                            .status()));
            pause(Duration.ofSeconds(30), stop);
          }
        });
    Instant end = started.plus(LENGTH);
    boolean rotated = false;
    while (Instant.now().isBefore(end)) {
      pause(Duration.ofSeconds(60), new AtomicBoolean());
      if (!rotated && Instant.now().isAfter(started.plus(LENGTH.dividedBy(2)))) {
        rotated = true;
        timed("new key on both nodes", () -> TwoNodes.started().newPrimaryKey(operator()));
        timed(
            "rotation start",
            () -> String.valueOf(Api.post("/api/v1/credentials/rotation", operator()).status()));
      }
      sample("minute " + Duration.between(started, Instant.now()).toMinutes(), started);
    }
    stop.set(true);
    workers.shutdown();
    assertThat(workers.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
    Duration ran = Duration.between(started, Instant.now());
    sample("end", started);

    StringBuilder report = new StringBuilder();
    report.append("# Soak on two nodes: ").append(ran.toSeconds()).append(" s\n\n");
    report.append("| kind | count | per second | p50 ms | p99 ms |\n|---|---|---|---|---|\n");
    new TreeMap<>(latencies)
        .forEach(
            (kind, list) -> {
              List<Long> sorted;
              synchronized (list) {
                sorted = new ArrayList<>(list);
              }
              Collections.sort(sorted);
              report
                  .append("| ")
                  .append(kind)
                  .append(" | ")
                  .append(sorted.size())
                  .append(" | ")
                  .append(String.format("%.1f", sorted.size() / (double) ran.toSeconds()))
                  .append(" | ")
                  .append(percentile(sorted, 50))
                  .append(" | ")
                  .append(percentile(sorted, 99))
                  .append(" |\n");
            });
    report.append("\n| kind: outcome | count |\n|---|---|\n");
    new TreeMap<>(outcomes)
        .forEach(
            (key, count) ->
                report.append("| ").append(key).append(" | ").append(count.sum()).append(" |\n"));
    report.append(
        "\n| sample | node 1 heap after GC (MB) | node 2 heap after GC (MB) | database connections | responses node 1 / node 2 |\n|---|---|---|---|---|\n");
    samples.forEach(line -> report.append(line).append('\n'));
    report.append("\nAudit chains:\n");
    List<JsonObject> chains = new ArrayList<>();
    for (String organization : organizations) {
      JsonObject verified = Api.get("/api/v1/audit/verify", admin(organization)).json();
      chains.add(verified);
      report.append("- ").append(verified).append('\n');
    }
    JsonObject rotation = Api.get("/api/v1/credentials/rotation", operator()).json();
    report.append("\nRotation at the end: ").append(rotation.get("run")).append('\n');
    Path file = Path.of("target", "soak", "report.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, report);
    System.out.println(report);
    assertThat(chains).allSatisfy(chain -> assertThat(chain.getBoolean("intact", false)).isTrue());
  }

  private static String admin(String organization) {
    return Api.token(organization, "org-admin", "integrator", "platform-operator");
  }

  private static String operator() {
    return Api.token("platform-ops", "platform-operator");
  }

  private void timed(String kind, java.util.concurrent.Callable<String> work) {
    long start = System.nanoTime();
    String outcome;
    try {
      outcome = work.call();
    } catch (Exception | AssertionError e) {
      outcome = cause(e);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    latencies
        .computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>()))
        .add(millis);
    outcomes.computeIfAbsent(kind + ": " + outcome, k -> new LongAdder()).increment();
  }

  /** The failure's class and the first line of its message, so the report says what went wrong. */
  private static String cause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = String.valueOf(e.getMessage()).replaceAll("\\s+", " ").strip();
    String detail = e.getClass().getSimpleName() + " " + message;
    if (root != e) {
      detail += " / " + root.getClass().getSimpleName() + " " + root.getMessage();
    }
    // digits vary per failure (ids, times): fold them so equal causes count together
    String folded =
        detail.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "<id>").replaceAll("\\d{4,}", "N");
    return folded.substring(0, Math.min(folded.length(), 160)).replace('|', '/');
  }

  private static String call(String admin, String connection) {
    JsonObject body =
        Json.createObjectBuilder()
            .add("connectionId", connection)
            .add("tool", TOOL)
            .add("arguments", Json.createObjectBuilder())
            .build();
    Api.Reply reply =
        Api.send(
            HttpRequest.newBuilder(URI.create(TwoNodes.BALANCER + "/api/v1/tools/call"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    return reply.status() == 200
        ? "200"
        : reply.status()
            + " "
            + (reply.body().contains("\"code\"") ? reply.json().getString("code") : "");
  }

  private void sample(String label, Instant started) {
    try {
      samples.add(
          "| "
              + label
              + " | "
              + heapAfterGc(LibertyServer.underTest())
              + " | "
              + heapAfterGc(TwoNodes.started().node2)
              + " | "
              + databaseConnections()
              + " | "
              + TwoNodes.requestsTo("node1")
              + " / "
              + TwoNodes.requestsTo("node2")
              + " |");
    } catch (Exception e) {
      samples.add("| " + label + " | sample failed: " + e + " | | | |");
    }
  }

  private static final Pattern USED = Pattern.compile("used (\\d+)K");

  /** The node's heap in use after a full collection, in MB, from {@code jcmd}. */
  private static long heapAfterGc(LibertyServer server) throws Exception {
    String pid = server.pid();
    run("jcmd", pid, "GC.run");
    String info = run("jcmd", pid, "GC.heap_info");
    Matcher used = USED.matcher(info);
    return used.find() ? Long.parseLong(used.group(1)) / 1024 : -1;
  }

  private static String databaseConnections() throws Exception {
    return run(
            "psql",
            "-h",
            "127.0.0.1",
            "-U",
            "postgres",
            "-d",
            "test",
            "-Atc",
            "select count(*) from pg_stat_activity where datname = 'test'")
        .strip();
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    process.waitFor(60, TimeUnit.SECONDS);
    return output;
  }

  private static long percentile(List<Long> sorted, int percent) {
    if (sorted.isEmpty()) {
      return 0;
    }
    return sorted.get(
        Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
  }

  private static void pause(Duration duration, AtomicBoolean stop) {
    Instant until = Instant.now().plus(duration);
    while (!stop.get() && Instant.now().isBefore(until)) {
      try {
        TimeUnit.MILLISECONDS.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
