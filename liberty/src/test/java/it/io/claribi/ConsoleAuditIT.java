package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console's Audit trail page in a real browser, signed in as the demo admin of {@code acme} on
 * the Professional plan: a connection to the demo vendor made, used once and disconnected through
 * the API is found by its id with exactly its three events, newest first; a day picked in the date
 * filter finds them and the day before does not; the filters live in the address, which shows the
 * same rows on a fresh visit; times are shown in the time zone chosen on the Time zone page, not in
 * the browser's, with UTC in their title; the Time zone page returns only to console pages; the CSV
 * and JSON Lines exports of that filter are downloaded and read; the chain verifies; pages do not
 * overlap; a bad filter reads nothing; on Starter the page explains the upgrade; the platform
 * operator sees the operators' trail as through the API. acme's plan is put back afterwards.
 * Screenshots go to {@code target/screenshots/}.
 */
class ConsoleAuditIT {

  private static final String PAGE = "/console/audit.xhtml";
  private static final String ORG = "acme";
  private static final String VENDOR = Gateway.VENDOR;
  private static final String TOOL = "list_customers";
  private static final String ACTOR = "user@" + ORG;
  private static final List<String> LIFE =
      List.of("CONNECTION_CREATED", "CONNECTION_USED", "CONNECTION_DISCONNECTED");
  private static final List<String> NEWEST_FIRST =
      List.of("CONNECTION_DISCONNECTED", "CONNECTION_USED", "CONNECTION_CREATED");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

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

    filter("", "", usedOnce, 25);

    List<WebElement> rows = rows();
    assertThat(rows)
        .extracting(r -> r.getAttribute("data-type"))
        .containsExactlyElementsOf(NEWEST_FIRST);
    assertThat(cell(rows.get(1), "type")).startsWith("Connection used").contains("CONNECTION_USED");
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
  void times_are_shown_in_the_chosen_time_zone_not_the_browsers() throws Exception {
    ConsoleSignIn.as(browser, "acme-admin", "acme-admin-demo");
    browser.driver.executeCdpCommand(
        "Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Tokyo"));
    assertThat(
            browser.driver.executeScript("return Intl.DateTimeFormat().resolvedOptions().timeZone"))
        .as("the browser's own zone")
        .isEqualTo("Asia/Tokyo");
    browser.visit(PAGE + "?connection=" + usedOnce);
    assertThat(text("#time-zone")).isEqualTo("Times: UTC");
    assertThat(firstTime().getText()).endsWith(" UTC");

    browser.submit(By.id("time-zone"));
    assertThat(text("h1")).isEqualTo("Time zone");
    new Select(browser.driver.findElement(By.id("zone"))).selectByValue("America/New_York");
    browser.submit(By.id("save"));

    assertThat(browser.path()).isEqualTo(PAGE + "?connection=" + usedOnce);
    assertThat(text("#time-zone")).isEqualTo("Times: America/New_York");
    assertThat(text("#filters-zone")).isEqualTo("America/New_York (Eastern Time)");
    WebElement time = firstTime();
    Instant instant = Instant.parse(time.getAttribute("datetime"));
    assertThat(instant).isCloseTo(Instant.now(), within(java.time.Duration.ofHours(2)));
    assertThat(time.getAttribute("title"))
        .isEqualTo(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
                .withZone(ZoneOffset.UTC)
                .format(instant));
    assertThat(time.getText())
        .isEqualTo(
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm zzz", Locale.ENGLISH)
                .withZone(NEW_YORK)
                .format(instant))
        .matches("\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2} E[SD]T");
    assertThat(browser.driver.getPageSource()).doesNotContain("JST");
    var cookie = browser.cookie("claribi_tz");
    assertThat(cookie.getValue()).isEqualTo("America/New_York");
    assertThat(cookie.getPath()).isEqualTo("/console");
    assertThat(cookie.isHttpOnly()).isTrue();
    assertThat(cookie.getSameSite()).isEqualTo("Strict");
    assertThat(cookie.getExpiry())
        .isAfter(java.util.Date.from(Instant.now().plus(java.time.Duration.ofDays(360))));
    showResults();
    browser.screenshot("audit-new-york");
  }

  @Test
  void a_day_picked_in_the_date_filter_finds_that_days_events_and_only_them() throws Exception {
    LocalDate day = LocalDate.ofInstant(createdAt(usedOnce), ZoneOffset.UTC);
    ConsoleSignIn.as(browser, "acme-admin", "acme-admin-demo");
    browser.visit(PAGE);
    assertThat(browser.driver.findElement(By.id("from")).getAttribute("type")).isEqualTo("date");

    filter(day.toString(), day.toString(), usedOnce, 25);
    assertThat(rows())
        .extracting(r -> r.getAttribute("data-type"))
        .containsExactlyElementsOf(NEWEST_FIRST);
    assertThat(text("#filters-hint")).contains("both included");

    filter(day.minusDays(1).toString(), day.minusDays(1).toString(), usedOnce, 25);
    assertThat(rows()).isEmpty();
    assertThat(text("#no-events")).isEqualTo("No events on this page.");

    filter(day.toString(), "", usedOnce, 25);
    new Select(browser.driver.findElement(By.id("type"))).selectByVisibleText("Connection used");
    browser.submit(By.id("show"));
    assertThat(rows())
        .extracting(r -> r.getAttribute("data-type"))
        .containsExactly("CONNECTION_USED");
  }

  @Test
  void newest_first_by_default_and_oldest_first_when_asked() throws Exception {
    ConsoleSignIn.as(browser, "acme-admin", "acme-admin-demo");
    browser.visit(PAGE);
    assertThat(
            new Select(browser.driver.findElement(By.id("order")))
                .getFirstSelectedOption()
                .getText())
        .isEqualTo("Newest first");
    List<Long> all = sequences().stream().map(Long::valueOf).toList();
    assertThat(all).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(text("#order-shown")).isEqualTo("Newest first");

    type("connection", usedOnce);
    new Select(browser.driver.findElement(By.id("order"))).selectByVisibleText("Oldest first");
    browser.submit(By.id("show"));

    assertThat(rows()).extracting(r -> r.getAttribute("data-type")).containsExactlyElementsOf(LIFE);
    assertThat(text("#order-shown")).isEqualTo("Oldest first");
  }

  @Test
  void the_address_with_the_filters_shows_the_same_rows_on_a_fresh_visit() throws Exception {
    String busy = connectionUsed(3); // created, 3 uses, disconnected
    String day = LocalDate.ofInstant(createdAt(busy), ZoneOffset.UTC).toString();
    ConsoleSignIn.as(browser, "acme-admin", "acme-admin-demo");
    browser.visit(PAGE);
    setDate("from", day);
    setDate("to", day);
    type("connection", busy);
    new Select(browser.driver.findElement(By.id("type"))).selectByValue("CONNECTION_USED");
    new Select(browser.driver.findElement(By.id("size"))).selectByValue("10");
    browser.submit(By.id("show"));
    List<String> shown = sequences();
    assertThat(shown).hasSize(3);
    String address = browser.path();
    assertThat(address)
        .startsWith(PAGE + "?")
        .contains("from=" + day, "to=" + day, "connection=" + busy, "type=CONNECTION_USED")
        .contains("order=newest");

    try (Browser fresh = Browser.open()) {
      fresh.visit(address);
      ConsoleSignIn.fillIn(fresh, "acme-admin", "acme-admin-demo");
      fresh.awaitPath(PAGE);
      assertThat(fresh.path()).as("back at the shared address after signing in").isEqualTo(address);
      assertThat(
              fresh.driver.findElements(By.cssSelector("#events tbody tr")).stream()
                  .map(r -> r.getAttribute("data-sequence"))
                  .toList())
          .isEqualTo(shown);
      assertThat(fresh.driver.findElement(By.id("from")).getAttribute("value")).isEqualTo(day);
      assertThat(
              new Select(fresh.driver.findElement(By.id("type")))
                  .getFirstSelectedOption()
                  .getText())
          .isEqualTo("Connection used");
    }
  }

  @Test
  void the_time_zone_page_never_sends_the_browser_to_another_site() throws Exception {
    ConsoleSignIn.as(browser, "acme-admin", "acme-admin-demo");
    for (String elsewhere :
        List.of(
            "https://evil.example/console/audit.xhtml",
            "//evil.example/",
            "/api/v1/audit/events")) {
      browser.visit(
          "/console/time-zone.xhtml?return="
              + java.net.URLEncoder.encode(elsewhere, StandardCharsets.UTF_8));
      assertThat(browser.driver.findElement(By.id("back")).getAttribute("href"))
          .isEqualTo(Api.BASE + ConsoleSignIn.HOME);
      new Select(browser.driver.findElement(By.id("zone"))).selectByValue("Europe/Paris");
      browser.submit(By.id("save"));

      assertThat(browser.driver.getCurrentUrl())
          .as(elsewhere)
          .isEqualTo(Api.BASE + ConsoleSignIn.HOME);
      assertThat(text("#time-zone")).isEqualTo("Times: Europe/Paris");
    }
    browser.visit("/console/time-zone.xhtml?return=%2Fconsole%2Faudit.xhtml");
    browser.screenshot("time-zone");
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
    assertThat(Long.parseLong(second.get(0)))
        .as("newest first")
        .isLessThan(Long.parseLong(first.get(9)));
    assertThat(rows().get(2).getAttribute("data-type")).isEqualTo("CONNECTION_CREATED");
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

    assertThat(text("#problem")).contains("the From day must not be after the To day");
    assertThat(browser.driver.findElements(By.id("events"))).isEmpty();
    assertThat(browser.driver.findElements(By.id("page-number"))).isEmpty();
    browser.screenshot("audit-invalid-filter");

    browser.visit(PAGE + "?from=12%2F05%2F2026");
    assertThat(text("#problem"))
        .contains("From is not a day the page can read")
        .contains("2026-12-05")
        .doesNotContainIgnoringCase("offset");
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
      assertThat(browser.driver.findElement(By.id("ask-plan")).getAttribute("href"))
          .as("the way forward: ask for the plan on Plan and usage")
          .endsWith("/console/index.xhtml#plans");
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

  /** Fills the filters (days, connection, page size) and presses "Show events". */
  private void filter(String from, String to, String connection, int pageSize) {
    setDate("from", from);
    setDate("to", to);
    type("connection", connection);
    new Select(browser.driver.findElement(By.id("size"))).selectByValue(Integer.toString(pageSize));
    browser.submit(By.id("show"));
  }

  /**
   * Picks a day in a date field as its calendar would: typing depends on the browser's locale
   * (month first in en-US), the calendar's value does not.
   */
  private void setDate(String id, String day) {
    browser.driver.executeScript(
        "arguments[0].value = arguments[1]", browser.driver.findElement(By.id(id)), day);
  }

  private WebElement firstTime() {
    return browser.driver.findElement(By.cssSelector("#events tbody tr td.time time"));
  }

  /** When the API says the connection was created. */
  private static Instant createdAt(String connection) {
    return Instant.parse(
        Api.get("/api/v1/audit/events?type=CONNECTION_CREATED&connection=" + connection, admin())
            .json()
            .getJsonArray("events")
            .getJsonObject(0)
            .getString("occurredAt"));
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
