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

  /**
   * The demo vendor's MCP server behind a TCP relay of its own (a second HAProxy, {@link
   * #vendorDown()}): a vendor registered at this URL can be taken off the network alone.
   */
  static final int VENDOR_FRONT_PORT = Integer.getInteger("claribi.http.port", 9080) + 13;

  static final String VENDOR_FRONT =
      "http://127.0.0.1:" + VENDOR_FRONT_PORT + URI.create(DemoVendor.MCP).getPath();

  static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

  /** Node 1's settings that node 2 has its own value of. */
  private static final List<String> NODE_2_OWN =
      List.of(
          "HTTP_PORT=",
          "HTTPS_PORT=",
          "CLARIBI_GATEWAY_MAX_CONCURRENT_CALLS_PER_ORGANIZATION=",
          "CLARIBI_CREDENTIALS_ROTATION_BATCH_SIZE=",
          "CLARIBI_CREDENTIALS_ROTATION_PAUSE_MILLIS=",
          "CLARIBI_CONNECTIONS_ATTEMPT_LIFETIME=");

  /** Each node's credential key file (the development key file, in its own server folder). */
  private static final Path KEY_FILE = Path.of("resources", "security", "dev-credentials.keys");

  private static TwoNodes running;

  final LibertyServer node2;
  private final Process balancer;
  private Process vendorFront;
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
      nodes.vendorUp();
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
      if (NODE_2_OWN.stream().noneMatch(line::startsWith)) {
        environment.add(line);
      }
    }
    environment.add("HTTP_PORT=" + NODE_2_PORT);
    environment.add("HTTPS_PORT=" + (NODE_2_PORT + 1));
    // node 2's bulkhead keeps its share of fence and pool connections small; callers retry its
    // 429s as clients do
    environment.add("CLARIBI_GATEWAY_MAX_CONCURRENT_CALLS_PER_ORGANIZATION=16");
    // node 2 rotates one row at a time, slowly, so that a rotation it works on is still under way
    // when a test kills it; its connects expire within seconds, so that a PENDING connect it
    // leaves behind is due for node 1's sweep within the test
    environment.add("CLARIBI_CREDENTIALS_ROTATION_BATCH_SIZE=1");
    environment.add("CLARIBI_CREDENTIALS_ROTATION_PAUSE_MILLIS=1000");
    environment.add("CLARIBI_CONNECTIONS_ATTEMPT_LIFETIME=PT5S");
    node2.prepare(environment);
    node2.start();
    LibertyServer.awaitReady(NODE_2, Duration.ofSeconds(180));
    return node2;
  }

  private static final Path FOLDER = Path.of("target", "haproxy").toAbsolutePath();

  private static Process startBalancer() throws IOException {
    Files.createDirectories(FOLDER);
    Files.writeString(FOLDER.resolve("503.http"), NO_NODE);
    return haproxy("haproxy", configuration(FOLDER.resolve("503.http")));
  }

  private static Process haproxy(String name, String configuration) throws IOException {
    Path config = FOLDER.resolve(name + ".cfg");
    Files.writeString(config, configuration);
    return new ProcessBuilder(HAPROXY.toString(), "-db", "-f", config.toString())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(FOLDER.resolve(name + ".log").toFile()))
        .start();
  }

  /**
   * The balancer's answer when no node is in rotation (both draining, the database away): a problem
   * like the nodes' own, with {@code Retry-After}, instead of HAProxy's HTML page.
   */
  static final String NO_NODE =
      String.join(
          "\r\n",
          "HTTP/1.1 503 Service Unavailable",
          "Content-Type: application/problem+json",
          "Retry-After: 5",
          "Cache-Control: no-store",
          "Connection: close",
          "",
          "{\"type\":\"about:blank\",\"title\":\"Service unavailable\",\"status\":503,"
              + "\"code\":\"NO_NODE_AVAILABLE\",\"detail\":\"No node can serve the request"
              + " now; retry after the time in Retry-After.\"}");

  /** What docs/operations.md, "Scaling out", shows, on this test's loopback ports. */
  static String configuration(Path noNode) {
    return String.join(
        "\n",
        "global",
        "  maxconn 1024",
        "defaults",
        "  mode http",
        "  timeout connect 2s",
        "  timeout client 60s",
        "  timeout server 60s",
        "  errorfile 503 " + noNode,
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

  /**
   * Puts a new key first in each node's key file, the others kept below it, as a secrets manager
   * updates every node's mount, and waits until both nodes seal with it. Returns its fingerprint.
   */
  String newPrimaryKey(String operator) throws Exception {
    byte[] raw = new byte[32];
    new java.security.SecureRandom().nextBytes(raw);
    String key = java.util.Base64.getUrlEncoder().encodeToString(raw);
    String before = primaryKeyOn(NODE_1, operator);
    for (LibertyServer node : List.of(LibertyServer.underTest(), node2)) {
      Path file = node.directory().resolve(KEY_FILE);
      Path written = file.resolveSibling(file.getFileName() + ".new");
      Files.writeString(written, key + "\n" + Files.readString(file));
      // one rename, so a node never reads half a file
      Files.move(written, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      String one = primaryKeyOn(NODE_1, operator);
      if (!one.equals(before) && one.equals(primaryKeyOn(NODE_2, operator))) {
        return one;
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
    throw new AssertionError("the nodes did not both load the new key within 30 s");
  }

  /** The rotation status as one node reports it. */
  static jakarta.json.JsonObject rotationOn(String node, String operator) {
    Api.Reply reply =
        Api.send(
            HttpRequest.newBuilder(URI.create(node + "/api/v1/credentials/rotation"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + operator)
                .GET());
    if (reply.status() != 200) {
      throw new AssertionError("rotation status on " + node + ": " + reply);
    }
    return reply.json();
  }

  private static String primaryKeyOn(String node, String operator) {
    return rotationOn(node, operator).getString("primaryKey");
  }

  /** Starts the demo vendor's relay ({@link #VENDOR_FRONT}): the vendor is reachable there. */
  synchronized void vendorUp() throws Exception {
    if (vendorFront != null && vendorFront.isAlive()) {
      return;
    }
    URI vendor = URI.create(DemoVendor.MCP);
    vendorFront =
        haproxy(
            "vendor-front",
            String.join(
                "\n",
                "defaults",
                "  mode tcp",
                "  timeout connect 2s",
                "  timeout client 60s",
                "  timeout server 60s",
                "listen vendor",
                "  bind 127.0.0.1:" + VENDOR_FRONT_PORT,
                "  server demo 127.0.0.1:" + vendor.getPort(),
                ""));
    Instant deadline = Instant.now().plusSeconds(10);
    while (Instant.now().isBefore(deadline)) {
      try (java.net.Socket probe = new java.net.Socket("127.0.0.1", VENDOR_FRONT_PORT)) {
        return;
      } catch (IOException notYet) {
        TimeUnit.MILLISECONDS.sleep(100);
      }
    }
    throw new AssertionError("the vendor relay did not listen within 10 s; see " + FOLDER);
  }

  /**
   * Takes the vendor off the network: the relay ends, with every connection through it, and its
   * port refuses new ones, as a vendor that is down does.
   */
  synchronized void vendorDown() throws InterruptedException {
    vendorFront.destroyForcibly();
    vendorFront.waitFor(10, TimeUnit.SECONDS);
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
    if (vendorFront != null) {
      vendorFront.destroy();
    }
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
