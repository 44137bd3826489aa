package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Plan and usage page counts what the AI engine does through the API: an integrator's tool
 * calls happen, and the next visit shows them in the meter and in the usage chart, whose totals are
 * those of {@code GET /api/v1/organization/usage}: the day's bar, the connection's row, the tool's
 * row, and the view narrowed to one connection by its URL.
 */
@ExtendWith(BrowserExtension.class)
class ConsoleUsageIT {

  private static final String TOOL = "list_customers";
  private static final String USAGE = "/api/v1/organization/usage";

  /** acme may call MCP tools. */
  @RegisterExtension static final AcmePlan acmePlan = AcmePlan.during("TRIAL");

  @Test
  void tool_calls_through_the_api_show_in_the_meter_and_the_chart_with_the_apis_totals(
      Browser browser) throws Exception {
    String connection = Consent.connect(token(), TOOL);
    try {
      ConsoleSignIn.as(browser, "acme-admin", "acme-admin-demo");
      long before = number(browser.text("tool-calls-used"));
      long recordedBefore = usage("").getJsonNumber("recorded").longValue();

      for (int i = 0; i < 3; i++) {
        Api.Reply called = Gateway.call(token(), "connectionId", connection, TOOL, "{\"limit\":1}");
        assertThat(called.status()).as(called.body()).isEqualTo(200);
      }
      JsonObject api = awaitRecorded(recordedBefore + 3);
      browser.visit(ConsoleSignIn.HOME);

      assertThat(number(browser.text("tool-calls-used"))).isEqualTo(before + 3);
      long limit =
          Api.get("/api/v1/organization", token())
              .json()
              .getJsonObject("toolCalls")
              .getJsonNumber("limit")
              .longValue();
      assertThat(browser.text("tool-calls-limit")).isEqualTo(ConsoleSignIn.count(limit));
      assertThat(api.getJsonNumber("quota").longValue()).isEqualTo(limit);
      assertThat(browser.text("plan")).isEqualTo("Trial");
      assertThat(number(browser.text("chart-total")))
          .isEqualTo(api.getJsonNumber("recorded").longValue());
      String today = LocalDate.now(ZoneOffset.UTC).toString();
      long apiToday = dayCalls(api, today);
      WebElement bar =
          browser.driver.findElement(
              By.cssSelector("#daily-chart rect.bar[data-day='" + today + "']"));
      assertThat(number(bar.getAttribute("data-calls")))
          .isEqualTo(apiToday)
          .isGreaterThanOrEqualTo(3);
      assertThat(Integer.parseInt(bar.getAttribute("height"))).isPositive();
      assertThat(browser.driver.findElements(By.id("quota-line"))).hasSize(1);
      WebElement dayRow =
          browser.driver.findElement(By.cssSelector("#days tr[data-day='" + today + "'] td.calls"));
      assertThat(number(dayRow.getAttribute("textContent"))).isEqualTo(apiToday);
      long apiTool = toolCalls(api, TOOL);
      assertThat(rowCalls(browser, "by-tool", TOOL)).isEqualTo(apiTool);
      assertThat(browser.driver.findElements(By.cssSelector("#chart-filter option[selected]")))
          .as("nothing chosen: all connections and tools")
          .isEmpty();
      browser.screenshot("plan-and-usage");
      browser.driver.executeScript(
          "document.getElementById('chart-title').scrollIntoView({block: 'start'})");
      browser.screenshot("plan-and-usage-chart");

      browser.visit("/console/index.xhtml?connection=" + connection);
      JsonObject narrowed = usage("?connection=" + connection);
      assertThat(narrowed.getJsonNumber("recorded").longValue()).isEqualTo(3);
      assertThat(number(browser.text("chart-total"))).isEqualTo(3);
      List<WebElement> rows =
          browser.driver.findElements(By.cssSelector("#by-connection tbody tr"));
      assertThat(rows).hasSize(1);
      assertThat(rows.get(0).getText()).contains("Acme Payments").doesNotContain(connection);
      assertThat(
              browser
                  .driver
                  .findElement(By.cssSelector("#filter-connection option[selected]"))
                  .getAttribute("value"))
          .isEqualTo(connection);
      assertThat(browser.text("filter-clear")).isEqualTo("Show all");
    } finally {
      Api.delete("/api/v1/connections/" + connection, token());
    }
  }

  @Test
  void the_usage_api_refuses_a_month_it_cannot_read_and_one_to_come() {
    Api.Reply unreadable = Api.get(USAGE + "?month=12/2026", token());
    assertThat(unreadable.status()).as(unreadable.body()).isEqualTo(400);
    String next = LocalDate.now(ZoneOffset.UTC).plusMonths(1).toString().substring(0, 7);
    Api.Reply toCome = Api.get(USAGE + "?month=" + next, token());
    assertThat(toCome.status()).as(toCome.body()).isEqualTo(400);
    assertThat(toCome.json().getString("code")).isEqualTo("MONTH_INVALID");
  }

  @Test
  void a_month_the_page_cannot_read_is_said_and_this_month_shown(Browser browser) throws Exception {
    ConsoleSignIn.as(browser, "acme-admin", "acme-admin-demo");
    browser.visit("/console/index.xhtml?month=2999-01");

    assertThat(browser.text("notice")).contains("has not begun").contains("This month is shown");
    assertThat(browser.text("chart-title"))
        .endsWith(
            java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.ENGLISH)
                .format(LocalDate.now(ZoneOffset.UTC)));
  }

  private static JsonObject awaitRecorded(long atLeast) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    JsonObject usage = usage("");
    while (usage.getJsonNumber("recorded").longValue() < atLeast
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
      usage = usage("");
    }
    assertThat(usage.getJsonNumber("recorded").longValue())
        .as(usage.toString())
        .isGreaterThanOrEqualTo(atLeast);
    return usage;
  }

  private static JsonObject usage(String query) {
    Api.Reply reply = Api.get(USAGE + query, token());
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private static long dayCalls(JsonObject usage, String day) {
    return usage.getJsonArray("days").getValuesAs(JsonObject.class).stream()
        .filter(d -> d.getString("day").equals(day))
        .mapToLong(d -> d.getJsonNumber("calls").longValue())
        .findFirst()
        .orElseThrow();
  }

  private static long toolCalls(JsonObject usage, String tool) {
    return usage.getJsonArray("byTool").getValuesAs(JsonObject.class).stream()
        .filter(t -> t.getString("tool").equals(tool))
        .mapToLong(t -> t.getJsonNumber("calls").longValue())
        .sum();
  }

  private static long rowCalls(Browser browser, String table, String name) {
    return browser.driver.findElements(By.cssSelector("#" + table + " tbody tr")).stream()
        .filter(r -> r.findElement(By.cssSelector("td")).getText().equals(name))
        .mapToLong(r -> number(r.findElement(By.cssSelector("td.calls")).getText()))
        .sum();
  }

  private static long number(String text) {
    return Long.parseLong(text.replace(",", "").strip());
  }

  /** acme's admin, integrator and (for allowing the tool) operator. */
  private static String token() {
    return Api.token("acme", "org-admin", "integrator", "platform-operator");
  }
}
