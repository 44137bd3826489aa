package it.io.claribi;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a node's own metrics say about its connection pools and request threads (Liberty's vendor
 * metrics, {@code /metrics?scope=vendor}): the evidence that an outage left nothing held.
 */
final class NodeMetrics {

  private static final Pattern SAMPLE =
      Pattern.compile("^(\\w+)\\{([^}]*)\\}\\s+([-+0-9.eE]+)$", Pattern.MULTILINE);

  private NodeMetrics() {}

  /** Connections handed out by every data source of the node (application pool and fence). */
  static double connectionsInUse(String node) {
    return sum(node, "connectionpool_connectionHandles");
  }

  /** Threads of the default executor running a task (this request's among them). */
  static double activeThreads(String node) {
    return sum(node, "threadpool_activeThreads");
  }

  /**
   * Waits until the node holds at most {@code connections} pool connections and {@code threads}
   * busy threads (a background job may hold one for a moment, so the condition must be met once,
   * not at a given instant); fails with the last reading otherwise.
   */
  static void awaitSettled(String node, int connections, int threads, Duration within)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(within);
    String last = "";
    while (Instant.now().isBefore(deadline)) {
      double inUse = connectionsInUse(node);
      double busy = activeThreads(node);
      if (inUse <= connections && busy <= threads) {
        return;
      }
      last = inUse + " connections in use, " + busy + " busy threads";
      TimeUnit.MILLISECONDS.sleep(250);
    }
    throw new AssertionError(node + " still holds " + last + " after " + within);
  }

  private static double sum(String node, String metric) {
    Api.Reply reply =
        Api.send(
            HttpRequest.newBuilder(URI.create(node + "/metrics?scope=vendor"))
                .timeout(Duration.ofSeconds(10))
                .GET());
    if (reply.status() != 200) {
      throw new AssertionError("metrics of " + node + ": " + reply);
    }
    double total = 0;
    boolean found = false;
    Matcher sample = SAMPLE.matcher(reply.body());
    while (sample.find()) {
      if (sample.group(1).equals(metric)) {
        total += Double.parseDouble(sample.group(3));
        found = true;
      }
    }
    if (!found) {
      throw new AssertionError(node + " reports no " + metric);
    }
    return total;
  }
}
