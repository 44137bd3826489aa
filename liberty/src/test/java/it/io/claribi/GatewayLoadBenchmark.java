package it.io.claribi;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Not part of {@code mvn verify}: run with {@code -Pgateway-benchmark}
 * (docs/benchmarks/gateway.md). Calls the same read tool (a) directly on the demo vendor with the
 * SDK client and (b) through {@code POST /api/v1/tools/call}, on loopback, with 1 and 32 concurrent
 * callers, and reports throughput and p50/p99 latency of both.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GatewayLoadBenchmark {

  private static final int CALLS = Integer.getInteger("gateway.bench.calls", 4000);
  private static final int WARMUP = Integer.getInteger("gateway.bench.warmup", 2000);
  private static final String TOOL = "retrieve_balance";

  @Deployment(testable = false)
  static WebArchive fixture() {
    return Gateway.fixtureWar();
  }

  @ArquillianResource URL fixture;

  @Test
  void direct_and_through_the_gateway() throws Exception {
    String org = Api.newOrganization("bench");
    String admin = Gateway.organizationOn(org, "ENTERPRISE");
    String connection = Gateway.connect(fixture, admin, Gateway.VENDOR, true);
    Gateway.decide(admin, Gateway.VENDOR, TOOL, "ALLOW");
    String vendorToken = DemoVendor.accessToken("payments:read");
    // One integrator token for the whole run, as an AI engine would hold one.
    String integrator = Api.token(org, "integrator");

    try (McpSyncClient direct = directClient(vendorToken)) {
      direct.initialize();
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      Callable<Void> directCall =
          () -> {
            McpSchema.CallToolResult result =
                direct.callTool(new McpSchema.CallToolRequest(TOOL, Map.of()));
            if (Boolean.TRUE.equals(result.isError())) {
              throw new IllegalStateException("tool error: " + result);
            }
            return null;
          };
      String body =
          "{\"connectionId\":\"" + connection + "\",\"tool\":\"" + TOOL + "\",\"arguments\":{}}";
      Callable<Void> gatewayCall =
          () -> {
            HttpResponse<String> response =
                http.send(
                    HttpRequest.newBuilder(URI.create(Api.BASE + "/api/v1/tools/call"))
                        .header("Authorization", "Bearer " + integrator)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
              throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            return null;
          };

      // The floor: one HTTP round trip to a servlet in the same server that does no work.
      URI trivial = URI.create(DemoVendor.BASE + "/.well-known/oauth-protected-resource");
      Callable<Void> hop =
          () -> {
            HttpResponse<String> response =
                http.send(
                    HttpRequest.newBuilder(trivial).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
              throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            return null;
          };

      run(directCall, 8, WARMUP);
      run(gatewayCall, 8, WARMUP);
      run(hop, 8, WARMUP);
      List<String> rows = new ArrayList<>();
      for (int callers : new int[] {1, 32}) {
        Result oneHop = run(hop, callers, CALLS);
        Result viaSdk = run(directCall, callers, CALLS);
        Result viaGateway = run(gatewayCall, callers, CALLS);
        rows.add(row("one HTTP round trip, no work (floor)", callers, oneHop, null));
        rows.add(row("direct (SDK client)", callers, viaSdk, null));
        rows.add(row("through the gateway", callers, viaGateway, viaSdk));
      }
      report(rows);
    }
  }

  private static McpSyncClient directClient(String token) {
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder(
                DemoVendor.BASE.replaceAll("(https?://[^/]+).*", "$1"))
            .endpoint(URI.create(DemoVendor.MCP).getPath())
            .httpRequestCustomizer(
                (builder, method, endpoint, body, context) ->
                    builder.header("Authorization", "Bearer " + token))
            .build();
    return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build();
  }

  record Result(int callers, int calls, double seconds, long[] nanos) {

    double throughput() {
      return calls / seconds;
    }

    double percentileMillis(double p) {
      int index = (int) Math.ceil(p / 100.0 * nanos.length) - 1;
      return nanos[Math.max(0, Math.min(index, nanos.length - 1))] / 1e6;
    }
  }

  private static Result run(Callable<Void> call, int callers, int calls) throws Exception {
    long[] nanos = new long[calls];
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<?>> futures = new ArrayList<>();
      int perCaller = calls / callers;
      long start = System.nanoTime();
      for (int c = 0; c < callers; c++) {
        int offset = c * perCaller;
        int count = c == callers - 1 ? calls - offset : perCaller;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < count; i++) {
                    long t0 = System.nanoTime();
                    call.call();
                    nanos[offset + i] = System.nanoTime() - t0;
                  }
                  return null;
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      Arrays.sort(nanos);
      return new Result(callers, calls, seconds, nanos);
    } finally {
      pool.shutdownNow();
    }
  }

  private static String row(String path, int callers, Result result, Result direct) {
    String ratio = "";
    if (direct != null) {
      ratio =
          String.format(
              Locale.ROOT,
              " %.0f %% | +%.2f ms | +%.2f ms |",
              100 * result.throughput() / direct.throughput(),
              result.percentileMillis(50) - direct.percentileMillis(50),
              result.percentileMillis(99) - direct.percentileMillis(99));
    } else {
      ratio = " | | |";
    }
    return String.format(
            Locale.ROOT,
            "| %s | %d | %,.0f calls/s | %.2f ms | %.2f ms |",
            path,
            callers,
            result.throughput(),
            result.percentileMillis(50),
            result.percentileMillis(99))
        + ratio;
  }

  private static void report(List<String> rows) throws IOException {
    StringBuilder out = new StringBuilder();
    out.append("Run at ")
        .append(Instant.now())
        .append(", ")
        .append(CALLS)
        .append(" calls per row after ")
        .append(WARMUP)
        .append(" warm-up calls per path\n\n");
    out.append(
        "| path | callers | throughput | p50 | p99 | throughput vs direct | added p50 | added p99 |\n");
    out.append("|---|---|---|---|---|---|---|---|\n");
    rows.forEach(r -> out.append(r).append('\n'));
    Path file = Path.of("target", "benchmarks", "gateway.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, out);
    System.out.println(out);
  }
}
