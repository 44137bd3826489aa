package io.claribi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.devtokens.DevKeys;
import io.claribi.devtokens.DevTokens;
import io.claribi.testing.InContainerWar;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Exports a large trail (200,000 events by default, {@code -Daudit.export.events}) as CSV and JSON
 * Lines over HTTP from the server started with a small heap ({@code -Xmx416m}), the way an admin
 * downloads it. The events are seeded in the container with batched JDBC, correctly chained after
 * the organization's real first event; the client checks every row, the neutralised formula cells,
 * and every hash and link of the JSON Lines export up to its trailer.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditExportContainerIT {

  private static final String ORG = "export-" + UUID.randomUUID().toString().substring(0, 8);
  private static final long EVENTS = Long.getLong("audit.export.events", 200_000);

  /** The test server's heap (liberty/pom.xml); the audit benchmark runs the same test on 256 MB. */
  private static final long MAX_HEAP = 480L * 1024 * 1024;

  /** Heap in use after a full GC before the exports (in the container). */
  private static long baseline;

  @Deployment
  static WebArchive deployment() {
    return InContainerWar.scanned(
            ShrinkWrap.create(ZipImporter.class, "audit-export-it.war")
                .importFrom(new File("target/claribi.war"))
                .as(WebArchive.class))
        .addClass(InContainerWar.class)
        .addAsLibrary(jarOf(org.assertj.core.api.Assertions.class))
        .addClasses(AuditExportContainerIT.class, ChainSeeder.class)
        .addAsResource(new StringAsset(ORG + "\n" + EVENTS), "audit-export-it.txt");
  }

  /** The jar a test library came from, to ship it inside the test WAR. */
  static File jarOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @Order(1)
  @RunAsClient
  void an_operator_puts_the_organization_on_professional() throws Exception {
    HttpResponse<String> reply =
        http(
            request("/api/v1/organizations/" + ORG, "platform", "platform-operator")
                .header("Content-Type", "application/json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"Export\",\"plan\":\"PROFESSIONAL\"}")),
            HttpResponse.BodyHandlers.ofString());
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
  }

  @Test
  @Order(2)
  void the_trail_is_seeded_and_the_server_heap_is_small() throws Exception {
    List<String> setup =
        new String(
                getClass()
                    .getClassLoader()
                    .getResourceAsStream("audit-export-it.txt")
                    .readAllBytes(),
                StandardCharsets.UTF_8)
            .lines()
            .toList();
    Instant start = Instant.now().minus(Duration.ofDays(30));
    long seedStart = System.nanoTime();

    ChainSeeder.append(
        setup.get(0), Long.parseLong(setup.get(1)), seq -> start.plusMillis(seq * 7));

    System.out.println(
        String.format(
            "audit export IT: seeded %s events in %d ms",
            setup.get(1), (System.nanoTime() - seedStart) / 1_000_000));
    assertThat(ChainSeeder.count(setup.get(0))).isEqualTo(Long.parseLong(setup.get(1)) + 1);
    assertThat(Runtime.getRuntime().maxMemory()).isLessThanOrEqualTo(MAX_HEAP);
    System.gc();
    baseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  @Test
  @Order(3)
  @RunAsClient
  void both_formats_download_at_full_speed() throws Exception {
    for (String format : List.of("csv", "jsonl")) {
      long started = System.nanoTime();
      long lines = 0;
      long bytes = 0;
      try (InputStream body = downloadStream(format)) {
        byte[] buffer = new byte[1 << 16];
        for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
          bytes += n;
          for (int i = 0; i < n; i++) {
            lines += buffer[i] == '\n' ? 1 : 0;
          }
        }
      }
      report(format + " download (" + (bytes >> 20) + " MB)", lines, started);
      assertThat(lines).isGreaterThan(EVENTS);
    }
  }

  @Test
  @Order(4)
  @RunAsClient
  void a_csv_export_streams_every_event_with_formula_cells_neutralised() throws Exception {
    long started = System.nanoTime();
    long rows = 0;
    long neutralised = 0;
    String last = null;
    try (BufferedReader lines = download("csv")) {
      assertThat(lines.readLine()).startsWith("sequence,occurred_at,type,actor");
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        assertThat(line).doesNotStartWith("=").doesNotStartWith("@").doesNotContain(",=", ",@");
        neutralised += line.contains(",'@attacker,") || line.contains("\"\"=HYPERLINK") ? 1 : 0;
        last = line;
        rows++;
      }
    }
    report("csv", rows, started);

    assertThat(rows).isEqualTo(EVENTS + 2); // the provisioning event, the seeded ones, a trailer
    assertThat(neutralised).isGreaterThan(EVENTS / 1000);
    assertThat(last).startsWith("#trailer,").contains("\"\"events\"\":" + (EVENTS + 1));
  }

  @Test
  @Order(5)
  @RunAsClient
  void a_jsonl_export_streams_a_chain_that_recomputes_to_its_trailer() throws Exception {
    long started = System.nanoTime();
    long events = 0;
    String previous = null;
    JsonObject trailer = null;
    try (BufferedReader lines = download("jsonl")) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        JsonObject json = parse(line);
        if (json.containsKey("trailer")) {
          trailer = json.getJsonObject("trailer");
          continue;
        }
        if (previous != null) {
          assertThat(json.getString("previousHash")).isEqualTo(previous);
        }
        String hash = it.io.claribi.AuditHashes.recompute(json);
        assertThat(hash).isEqualTo(json.getString("hash"));
        previous = hash;
        events++;
      }
    }
    report("jsonl", events, started);

    assertThat(events).isEqualTo(EVENTS + 1);
    assertThat(trailer).isNotNull();
    assertThat(trailer.getString("lastHash")).isEqualTo(previous);
    assertThat(trailer.getString("firstPreviousHash")).isEqualTo("0".repeat(64));
    assertThat(trailer.getJsonNumber("events").longValue()).isEqualTo(EVENTS + 1);
  }

  @Test
  @Order(6)
  void the_exports_stayed_within_the_small_heap_and_kept_nothing() {
    long oldGenPeak =
        heapPools().stream()
            .filter(p -> p.getName().contains("Old") || p.getName().contains("Tenured"))
            .mapToLong(p -> p.getPeakUsage().getUsed())
            .sum();
    System.gc();
    long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    System.out.println(
        String.format(
            "audit export IT: max heap %d MB, old generation peak during exports %d MB,"
                + " used after a full GC %d MB before and %d MB after the exports",
            Runtime.getRuntime().maxMemory() >> 20,
            oldGenPeak >> 20,
            baseline >> 20,
            retained >> 20));
    // Holding the exported rows would keep well over 100 MB; streaming keeps nothing.
    assertThat(retained - baseline).isLessThan(32L << 20);
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP)
        .toList();
  }

  private static void report(String format, long events, long startedNanos) {
    long millis = (System.nanoTime() - startedNanos) / 1_000_000;
    System.out.println(
        String.format(
            "audit export IT: %s export of %d events in %d ms (%d events/s)",
            format, events, millis, millis == 0 ? events : events * 1000 / millis));
  }

  private static BufferedReader download(String format) throws Exception {
    return new BufferedReader(
        new InputStreamReader(downloadStream(format), StandardCharsets.UTF_8));
  }

  private static InputStream downloadStream(String format) throws Exception {
    HttpResponse<InputStream> reply =
        http(
            request("/api/v1/audit/events?format=" + format, ORG, "org-admin").GET(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(reply.statusCode()).isEqualTo(200);
    return reply.body();
  }

  private static HttpRequest.Builder request(String path, String org, String role)
      throws Exception {
    String token =
        new DevTokens(DevKeys.read(Path.of(System.getProperty("claribi.dev-keys"))))
            .mint("user@" + org, org, List.of(role), Duration.ofMinutes(30));
    return HttpRequest.newBuilder(URI.create(System.getProperty("claribi.url") + path))
        .timeout(Duration.ofMinutes(10))
        .header("Authorization", "Bearer " + token);
  }

  private static <T> HttpResponse<T> http(
      HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) throws Exception {
    return HttpClient.newHttpClient().send(request.build(), body);
  }

  private static JsonObject parse(String line) {
    try (var reader = Json.createReader(new StringReader(line))) {
      return reader.readObject();
    }
  }
}
