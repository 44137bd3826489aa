package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console's Audit trail page in a real browser, signed in as the demo admin of {@code acme} on
 * the Professional plan: a connection to the demo vendor made, used once and disconnected through
 * the API is found by its id with exactly its three events; the CSV and JSON Lines exports of that
 * filter are downloaded and read; the chain verifies; pages do not overlap; a bad filter reads
 * nothing; on Starter the page explains the upgrade; the platform operator sees the operators'
 * trail as through the API. acme's plan is put back afterwards. Screenshots go to {@code
 * target/screenshots/}.
 */
class ConsoleAuditIT {

  private static final String PAGE = "/console/audit.xhtml";
  private static final String ORG = "acme";
  private static final String VENDOR = Gateway.VENDOR;
  private static final String TOOL = "list_customers";
  private static final String ACTOR = "user@" + ORG;
  private static final List<String> LIFE =
      List.of("CONNECTION_CREATED", "CONNECTION_USED", "CONNECTION_DISCONNECTED");
  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ZoneOffset.UTC);

  @RegisterExtension static final AcmePlan acmePlan = AcmePlan.during("PROFESSIONAL");

  @RegisterExtension static final BrowserExtension browsers = BrowserExtension.withDownloads();

  /** acme's connection that was created, used once and disconnected before the tests. */
  private static String usedOnce;

  private Browser browser;

  @BeforeAll
  static void aConnectionUsedOnce() throws Exception {
    usedOnce = connectionUsed(1);
  }

  @Test
  void a_connection_filter_finds_its_created_used_and_disconnected_events() throws Exception {
    ConsoleSignIn.as(browser, "acme-admin", "acme-admin-demo");
    browser.visit(PAGE);
    assertThat(text("h1")).isEqualTo("Audit trail");
    assertThat(browser.driver.findElement(By.id("plan")).getText()).isEqualTo("Professional");

    filter(MINUTES.format(Instant.now().minus(1, ChronoUnit.HOURS)), "", usedOnce, 25);

    List<WebElement> rows = rows();
    assertThat(rows).extracting(r -> r.getAttribute("data-type")).containsExactlyElementsOf(LIFE);
    assertThat(rows)
        .allSatisfy(
            row -> {
              assertThat(cell(row, "actor")).isEqualTo(ACTOR);
              assertThat(cell(row, "vendor")).isEqualTo(VENDOR);
              assertThat(cell(row, "connection")).isEqualTo(usedOnce);
            });
    assertThat(cell(rows.get(1), "detail")).contains("tool: " + TOOL);
    assertThat(text("#page-number")).isEqualTo("Page 1");
    assertThat(browser.driver.findElement(By.id("no-more")).getText()).isEqualTo("No more events.");
    showResults();
    browser.screenshot("audit");
  }

  @Test
  void the_csv_export_of_the_filter_has_the_header_the_three_events_and_a_trailer()
      throws Exception {
    ConsoleSignIn.as(browser, "acme-admin", "acme-admin-demo");
    browser.visit(PAGE);
    filter("", "", usedOnce, 25);

    Path file = browser.download(browser.driver.findElement(By.id("export-csv")), ".csv");

    assertThat(file.getFileName().toString()).startsWith("audit-" + ORG + "-");
    List<String> lines = List.of(Files.readString(file, StandardCharsets.UTF_8).split("\r\n"));
    assertThat(lines.get(0))
        .isEqualTo(
            "sequence,occurred_at,type,actor,organization,connection,vendor,request_id,"
                + "client_address,details,id,previous_hash,hash");
    assertThat(lines).hasSize(5);
    List<String> hashes = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      List<String> cells = csv(lines.get(i));
      assertThat(cells).hasSize(13);
      assertThat(cells.get(2)).isEqualTo(LIFE.get(i - 1));
      assertThat(cells.get(3)).isEqualTo(ACTOR);
      assertThat(cells.get(4)).isEqualTo(ORG);
      assertThat(cells.get(5)).isEqualTo(usedOnce);
      assertThat(cells.get(6)).isEqualTo(VENDOR);
      hashes.add(cells.get(12));
    }
    assertThat(hashes).isEqualTo(apiHashes(usedOnce));
    List<String> trailerRow = csv(lines.get(4));
    assertThat(trailerRow.get(0)).isEqualTo("#trailer");
    JsonObject trailer = parse(trailerRow.get(1));
    assertThat(trailer.getInt("events")).isEqualTo(3);
    assertThat(trailer.getString("organization")).isEqualTo(ORG);
    assertThat(trailer.getString("filter")).isEqualTo("format=csv&connection=" + usedOnce);
    assertThat(trailer.getString("lastHash")).isEqualTo(hashes.get(2));
    assertThat(text("h1")).as("the page stays").isEqualTo("Audit trail");
  }

  @Test
  void the_json_lines_export_of_the_filter_has_three_events_and_a_trailer() throws Exception {
    ConsoleSignIn.as(browser, "acme-admin", "acme-admin-demo");
    browser.visit(PAGE);
    filter("", "", usedOnce, 25);

    Path file = browser.download(browser.driver.findElement(By.id("export-jsonl")), ".jsonl");

    List<JsonObject> lines =
        Files.readAllLines(file, StandardCharsets.UTF_8).stream()
            .map(ConsoleAuditIT::parse)
            .toList();
    assertThat(lines).hasSize(4);
    List<JsonObject> events = lines.subList(0, 3);
    assertThat(events).extracting(e -> e.getString("type")).containsExactlyElementsOf(LIFE);
    assertThat(events)
        .allSatisfy(
            e -> {
              assertThat(e.getString("connection")).isEqualTo(usedOnce);
              assertThat(e.getString("vendor")).isEqualTo(VENDOR);
              assertThat(e.getString("actor")).isEqualTo(ACTOR);
              assertThat(AuditHashes.recompute(e)).isEqualTo(e.getString("hash"));
            });
    JsonObject trailer = lines.get(3).getJsonObject("trailer");
    assertThat(trailer.getInt("events")).isEqualTo(3);
    assertThat(trailer.getString("filter")).isEqualTo("format=jsonl&connection=" + usedOnce);
    assertThat(trailer.getString("lastHash")).isEqualTo(events.get(2).getString("hash"));
  }

  @Test
  void verifying_the_chain_says_it_is_intact() throws Exception {
    ConsoleSignIn.as(browser, "acme-admin", "acme-admin-demo");
    browser.visit(PAGE);
    JsonObject api = Api.get("/api/v1/audit/verify", admin()).json();
    assertThat(api.getBoolean("intact")).isTrue();

    browser.submit(By.id("verify"));

    String verdict = text("#verdict-summary");
    assertThat(verdict).startsWith("Verified: the chain is intact.").contains(" events checked");
    long checked = Long.parseLong(verdict.replaceAll(".*intact\\. (\\d+) events checked.*", "$1"));
    assertThat(checked).isGreaterThanOrEqualTo(api.getJsonNumber("eventsVerified").longValue());
    assertThat(browser.driver.findElement(By.id("verdict")).getAttribute("role"))
        .isEqualTo("status");
    browser.driver.executeScript(
        "arguments[0].scrollIntoView()", browser.driver.findElement(By.id("verify-title")));
    browser.screenshot("audit-verified");
  }

  @Test
  void next_and_previous_pages_show_different_events() throws Exception {
    String busy = connectionUsed(11); // 13 events: created, 11 uses, disconnected
    ConsoleSignIn.as(browser, "acme-admin", "acme-admin-demo");
    browser.visit(PAGE);
    filter("", "", busy, 10);

    List<String> first = sequences();
    assertThat(first).hasSize(10);
    assertThat(text("#page-number")).isEqualTo("Page 1");
    assertThat(browser.driver.findElement(By.id("previous")).isEnabled()).isFalse();
    assertThat(browser.driver.findElements(By.id("no-more"))).isEmpty();

    browser.submit(By.id("next"));

    List<String> second = sequences();
    assertThat(text("#page-number")).isEqualTo("Page 2");
    assertThat(second).hasSize(3).doesNotContainAnyElementsOf(first);
    assertThat(Long.parseLong(second.get(0))).isGreaterThan(Long.parseLong(first.get(9)));
    assertThat(rows().get(2).getAttribute("data-type")).isEqualTo("CONNECTION_DISCONNECTED");
    assertThat(text("#no-more")).isEqualTo("No more events.");
    assertThat(browser.driver.findElement(By.id("next")).isEnabled()).isFalse();
    showResults();
    browser.screenshot("audit-page-2");

    browser.submit(By.id("previous"));

    assertThat(text("#page-number")).isEqualTo("Page 1");
    assertThat(sequences()).isEqualTo(first);
  }

  @Test
  void an_invalid_filter_says_why_and_reads_nothing() throws Exception {
    ConsoleSignIn.as(browser, "acme-admin", "acme-admin-demo");
    browser.visit(PAGE);
    assertThat(browser.driver.findElements(By.id("events"))).as("the first page").isNotEmpty();

    filter("2026-11-25", "2026-11-24", "", 25);

    assertThat(text("#problem")).contains("'from' must not be after 'to'");
    assertThat(browser.driver.findElements(By.id("events"))).isEmpty();
    assertThat(browser.driver.findElements(By.id("page-number"))).isEmpty();
    browser.screenshot("audit-invalid-filter");

    filter("yesterday", "", "", 25);
    assertThat(text("#problem")).contains("ISO-8601");
    assertThat(browser.driver.findElements(By.id("events"))).isEmpty();

    filter("", "", "not a connection", 25);
    assertThat(text("#problem")).contains("'connection' must be");
    assertThat(browser.driver.findElements(By.id("events"))).isEmpty();
  }

  @Test
  void on_starter_the_page_explains_the_upgrade_and_shows_no_events() throws Exception {
    acmePlan.set("STARTER");
    try {
      ConsoleSignIn.as(browser, "acme-admin", "acme-admin-demo");
      browser.visit(PAGE);

      assertThat(browser.driver.findElement(By.id("plan")).getText()).isEqualTo("Starter");
      assertThat(text("#upgrade-title"))
          .isEqualTo("The audit trail is available from the Professional plan");
      assertThat(text("#upgrade"))
          .contains("exports as CSV or JSON Lines")
          .contains("platform operator");
      assertThat(browser.driver.findElements(By.id("events"))).isEmpty();
      assertThat(browser.driver.findElements(By.id("filters"))).isEmpty();
      assertThat(browser.driver.findElements(By.id("export-csv"))).isEmpty();
      assertThat(browser.driver.findElements(By.id("export-jsonl"))).isEmpty();
      assertThat(browser.driver.findElements(By.id("verify"))).isEmpty();
      assertThat(browser.driver.getPageSource()).doesNotContain(usedOnce);
      browser.screenshot("audit-starter");
    } finally {
      acmePlan.set("PROFESSIONAL");
    }
  }

  @Test
  void the_platform_operator_sees_the_operators_trail_on_any_plan() throws Exception {
    ConsoleSignIn.as(browser, "operator", "operator-demo");
    assertThat(Api.get("/api/v1/audit/events", Api.token("platform", "platform-operator")).status())
        .isEqualTo(200);

    browser.visit(PAGE);

    assertThat(text("h1")).isEqualTo("Audit trail");
    assertThat(browser.driver.findElements(By.id("filters"))).isNotEmpty();
    assertThat(browser.driver.findElements(By.id("upgrade"))).isEmpty();
    browser.screenshot("audit-operator");
  }

  /** Fills the filters (connection, time window, page size) and presses "Show events". */
  private void filter(String from, String to, String connection, int pageSize) {
    type("from", from);
    type("to", to);
    type("connection", connection);
    new Select(browser.driver.findElement(By.id("page-size")))
        .selectByValue(Integer.toString(pageSize));
    browser.submit(By.id("show"));
  }

  /** Scrolls the results to the top of the window, for the screenshot. */
  private void showResults() {
    browser.driver.executeScript(
        "arguments[0].scrollIntoView()", browser.driver.findElement(By.id("events-title")));
  }

  private void type(String id, String value) {
    WebElement input = browser.driver.findElement(By.id(id));
    input.clear();
    input.sendKeys(value);
  }

  private List<WebElement> rows() {
    return browser.driver.findElements(By.cssSelector("#events tbody tr"));
  }

  private List<String> sequences() {
    return rows().stream().map(r -> r.getAttribute("data-sequence")).toList();
  }

  private static String cell(WebElement row, String column) {
    return row.findElement(By.className(column)).getText().strip();
  }

  private String text(String selector) {
    return browser.driver.findElement(By.cssSelector(selector)).getText().strip();
  }

  /**
   * A connection of acme to the demo vendor, made through its consent screen, used {@code calls}
   * times through the gateway and disconnected: created, used, disconnected in acme's trail.
   */
  private static String connectionUsed(int calls) throws Exception {
    String admin = Api.token(ORG, "org-admin", "integrator");
    String id = Consent.connect(admin);
    try {
      Api.Reply allowed = Gateway.decide(operator(), VENDOR, TOOL, "ALLOW");
      assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
      for (int i = 0; i < calls; i++) {
        Api.Reply called = Gateway.call(admin, "connectionId", id, TOOL, "{\"limit\":1}");
        assertThat(called.status()).as(called.body()).isEqualTo(200);
      }
    } finally {
      assertThat(Api.delete("/api/v1/connections/" + id, admin).status()).isEqualTo(204);
    }
    return id;
  }

  /** The hashes of the connection's events as the REST API lists them. */
  private static List<String> apiHashes(String connection) {
    return Api.get("/api/v1/audit/events?connection=" + connection, admin())
        .json()
        .getJsonArray("events")
        .getValuesAs(JsonObject.class)
        .stream()
        .map(e -> e.getString("hash"))
        .toList();
  }

  /** One RFC 4180 record without line breaks inside cells. */
  private static List<String> csv(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  private static JsonObject parse(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  private static String admin() {
    return Api.token(ORG, "org-admin");
  }

  private static String operator() {
    return Api.token("platform-ops", "platform-operator");
  }
}
