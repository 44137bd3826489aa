package it.io.claribi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The scaled-out set-up of docs/operations.md, "Scaling out", on loopback ports: the server under
 * test as node 1, a copy of it as node 2 (the same WAR, keys and settings, its own port), both on
 * the one PostgreSQL database, and HAProxy from Debian's package in front: round robin, each node
 * health-checked on {@code /health/ready} every second and taken out after two failed checks.
 * Started once per test JVM on first use, and stopped (HAProxy) or discarded (node 2, its logs kept
 * under {@code target/node-2-logs}) when the JVM ends. PostgreSQL profile only.
 */
final class TwoNodes {

  static final int NODE_2_PORT = Integer.getInteger("claribi.http.port", 9080) + 9;
  static final int BALANCER_PORT = Integer.getInteger("claribi.http.port", 9080) + 11;
  static final String NODE_1 = Api.BASE;
  static final String NODE_2 = "http://localhost:" + NODE_2_PORT;
  static final String BALANCER = "http://127.0.0.1:" + BALANCER_PORT;
  static final int STATS_PORT = Integer.getInteger("claribi.http.port", 9080) + 12;

  static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

  private static TwoNodes running;

  final LibertyServer node2;
  private final Process balancer;
  private boolean stopped;

  private TwoNodes(LibertyServer node2, Process balancer) {
    this.node2 = node2;
    this.balancer = balancer;
  }

  static synchronized TwoNodes started() throws Exception {
    if (running == null) {
      if (!Files.isExecutable(HAPROXY)) {
        throw new AssertionError(
            HAPROXY
                + " is missing: the scale-out tests need Debian's haproxy (apt-get install"
                + " haproxy; .ci/run installs it)");
      }
      Api.awaitTokensAccepted(Duration.ofSeconds(60));
      LibertyServer node2 = startNode2();
      Process balancer = startBalancer();
      TwoNodes nodes = new TwoNodes(node2, balancer);
      Runtime.getRuntime().addShutdownHook(new Thread(nodes::stop));
      nodes.awaitBothServing(Duration.ofSeconds(60));
      running = nodes;
    }
    return running;
  }

  private static LibertyServer startNode2() throws Exception {
    LibertyServer first = LibertyServer.underTest();
    LibertyServer node2 = LibertyServer.copyOfUnderTest(first.directory().getFileName() + "-node2");
    // the same token key, credential key and settings as node 1
    node2.copyFrom(first, "configDropins");
    node2.copyFrom(first, "resources");
    // the build writes the ports into an override, which wins over the environment
    Path ports =
        node2.directory().resolve("configDropins/overrides/liberty-plugin-variable-config.xml");
    if (Files.exists(ports)) {
      Files.writeString(
          ports,
          Files.readString(ports)
              .replaceAll(
                  "name=\"http.port\" value=\"\\d+\"",
                  "name=\"http.port\" value=\"" + NODE_2_PORT + "\"")
              .replaceAll(
                  "name=\"https.port\" value=\"\\d+\"",
                  "name=\"https.port\" value=\"" + (NODE_2_PORT + 1) + "\"")
              // Both nodes share this machine's PostgreSQL (100 connections) while node 1 keeps up
              // to 24 + 56: node 2's pools stay small enough for its 16 calls at a time.
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
    environment.add("HTTP_PORT=" + NODE_2_PORT);
    environment.add("HTTPS_PORT=" + (NODE_2_PORT + 1));
    // node 2's bulkhead keeps its share of fence and pool connections small; callers retry its
    // 429s as clients do
    environment.add("CLARIBI_GATEWAY_MAX_CONCURRENT_CALLS_PER_ORGANIZATION=16");
    node2.prepare(environment);
    node2.start();
    LibertyServer.awaitReady(NODE_2, Duration.ofSeconds(180));
    return node2;
  }

  private static Process startBalancer() throws IOException {
    Path folder = Path.of("target", "haproxy").toAbsolutePath();
    Files.createDirectories(folder);
    Path config = folder.resolve("haproxy.cfg");
    Files.writeString(config, configuration());
    return new ProcessBuilder(HAPROXY.toString(), "-db", "-f", config.toString())
        .redirectErrorStream(true)
        .redirectOutput(folder.resolve("haproxy.log").toFile())
        .start();
  }

  /** What docs/operations.md, "Scaling out", shows, on this test's loopback ports. */
  static String configuration() {
    return String.join(
        "\n",
        "global",
        "  maxconn 1024",
        "defaults",
        "  mode http",
        "  timeout connect 2s",
        "  timeout client 60s",
        "  timeout server 60s",
        "frontend claribi",
        "  bind 127.0.0.1:" + BALANCER_PORT,
        // A client's plain-text HTTP/2 upgrade (Java's HttpClient asks for one) would turn its
        // connection into a tunnel to one node: requests are balanced one by one only over HTTP/1.1
        // (or HTTP/2 over TLS, which the balancer terminates).
        "  http-request del-header Upgrade",
        "  http-request del-header HTTP2-Settings",
        "  default_backend nodes",
        "backend nodes",
        "  balance roundrobin",
        "  option httpchk GET /health/ready",
        "  http-check expect status 200",
        "  default-server inter 1s fall 2 rise 2",
        "  server node1 127.0.0.1:" + Integer.getInteger("claribi.http.port", 9080) + " check",
        "  server node2 127.0.0.1:" + NODE_2_PORT + " check",
        "listen stats",
        "  bind 127.0.0.1:" + STATS_PORT,
        "  stats enable",
        "  stats uri /stats",
        "");
  }

  /**
   * How many responses each node ({@code node1}, {@code node2}) has given through the balancer
   * since it started, and whether the balancer has it in rotation ({@code UP}), from its statistics
   * page (columns by the names of its header line; sessions would undercount, the client keeps its
   * connections open).
   */
  static java.util.Map<String, String[]> balancerView() {
    Api.Reply csv =
        Api.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + STATS_PORT + "/stats;csv"))
                .GET());
    String[] lines = csv.body().split("\n");
    List<String> columns = List.of(lines[0].replaceFirst("^# ", "").split(",", -1));
    java.util.Map<String, String[]> nodes = new java.util.HashMap<>();
    for (String line : lines) {
      String[] fields = line.split(",", -1);
      if (fields.length >= columns.size()
          && "nodes".equals(fields[0])
          && fields[1].startsWith("node")) {
        long responses = 0;
        for (String counter :
            List.of("hrsp_1xx", "hrsp_2xx", "hrsp_3xx", "hrsp_4xx", "hrsp_5xx", "hrsp_other")) {
          String value = fields[columns.indexOf(counter)];
          responses += value.isEmpty() ? 0 : Long.parseLong(value);
        }
        nodes.put(
            fields[1], new String[] {Long.toString(responses), fields[columns.indexOf("status")]});
      }
    }
    return nodes;
  }

  /** The balancer's statistics page, for a failure's message. */
  static String balancerStatistics() {
    return Api.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + STATS_PORT + "/stats;csv"))
                .GET())
        .body();
  }

  static long requestsTo(String node) {
    return Long.parseLong(balancerView().get(node)[0]);
  }

  static String statusOf(String node) {
    return balancerView().get(node)[1];
  }

  /** Until the balancer's health checks have found both nodes up. */
  private void awaitBothServing(Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!balancer.isAlive()) {
        throw new IllegalStateException(
            "HAProxy ended with " + balancer.exitValue() + "; see target/haproxy/haproxy.log");
      }
      int ready = 0;
      for (int i = 0; i < 4; i++) {
        try {
          if (Api.send(HttpRequest.newBuilder(URI.create(BALANCER + "/health/ready")).GET())
                  .status()
              == 200) {
            ready++;
          }
        } catch (IllegalStateException notYet) {
          // the balancer is not listening yet
        }
      }
      if (ready == 4) {
        TimeUnit.SECONDS.sleep(3); // two checks of each node: both are in rotation
        return;
      }
      TimeUnit.MILLISECONDS.sleep(250);
    }
    throw new AssertionError("the balancer did not serve within " + timeout);
  }

  /**
   * Stops the balancer and discards node 2, if they run: their database connections and memory go
   * back to the tests that follow.
   */
  static synchronized void stopIfRunning() {
    if (running != null) {
      running.stop();
      running = null;
    }
  }

  private synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    balancer.destroy();
    try {
      balancer.waitFor(10, TimeUnit.SECONDS);
      node2.stop();
      node2.keepLogs("node-2-logs");
      node2.discard();
    } catch (Exception e) {
      // the JVM ends; the build's clean removes what is left
    }
  }
}
