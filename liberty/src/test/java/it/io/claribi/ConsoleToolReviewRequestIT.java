package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * An admin whose connection has tools waiting for review asks the platform operators for one, in a
 * real browser (decision 60): the demo admin of {@code acme} (on Professional for the test, whose
 * audit trail it reads) connects a vendor of this test's own (id {@code ask-review-it-…}, served by
 * the demo vendor's MCP server), whose ten tools all await review; asks on the connection's Tools
 * page with a message; the demo {@code operator} sees the request on the Overview and with the
 * vendor's tools in the review queue; the operators' decisions on every waiting tool answer it,
 * which the admin then reads, and a request when nothing waits is refused. The API refuses what the
 * console cannot send: a long message, another organization's connection, an integrator.
 */
@ExtendWith(BrowserExtension.class)
class ConsoleToolReviewRequestIT {

  private static final String ORG = "acme";
  private static final String MESSAGE = "We need the invoices for the board report on Monday.";

  @RegisterExtension static final AcmePlan acmePlan = AcmePlan.during("PROFESSIONAL");

  private static String operator;
  private static String vendor;
  private static String connection;

  private Browser browser;

  @BeforeAll
  static void aConnectionWhoseToolsWaitForReview() throws Exception {
    operator = Api.token("platform-ops", "platform-operator");
    vendor = DemoVendor.catalogued("ask-review-it", "Ask Review IT", operator, "tool review IT");
    connection = Consent.connectTo(vendor, admin());
    assertThat(tools())
        .as("the vendor's tools, discovered at connect, all await review")
        .hasSize(10)
        .allSatisfy(t -> assertThat(t.getString("state")).isEqualTo("PENDING_REVIEW"));
  }

  @AfterAll
  static void cleanUp() {
    try {
      if (connection != null) {
        Api.delete("/api/v1/connections/" + connection, admin());
      }
    } finally {
      if (vendor != null) {
        Api.delete(
            "/api/v1/catalog/vendors/" + vendor + "?reason=tool%20review%20request%20IT%20done",
            operator);
      }
    }
  }

  @Test
  void an_admin_asks_for_a_review_operators_see_it_and_their_decisions_answer_it()
      throws Exception {
    // The admin asks, on the connection's Tools page.
    ConsoleSignIn.as(browser, "acme-admin", "acme-admin-demo");
    openTools();
    assertThat(browser.text("waiting-tools"))
        .isEqualTo(
            "10 tools wait for a platform operator's review; nobody can call them before it.");
    assertThat(browser.driver.findElements(By.id("review-requested"))).isEmpty();
    assertThat(browser.driver.findElement(By.id("ask-review-button")).getAttribute("value"))
        .isEqualTo("Ask for a review");
    browser.driver.findElement(By.id("review-message")).sendKeys(MESSAGE);
    browser.submit(By.id("ask-review-button"));

    assertThat(browser.text("review-notice")).startsWith("Review asked for");
    assertThat(browser.text("review-requested"))
        .startsWith("acme-admin asked for a review")
        .contains("platform operators see the request")
        .contains(MESSAGE);
    assertThat(browser.driver.findElement(By.id("ask-review-button")).getAttribute("value"))
        .isEqualTo("Ask again");
    browser.screenshot("tools-review-requested");

    JsonObject asked = reviewRequest();
    assertThat(asked.getString("state")).isEqualTo("OPEN");
    assertThat(asked.getString("vendor")).isEqualTo(vendor);
    assertThat(asked.getString("message")).isEqualTo(MESSAGE);
    assertThat(asked.getString("requestedBy")).isEqualTo("acme-admin");
    assertThat(asked.getInt("waitingWhenAsked")).isEqualTo(10);
    assertThat(asked.getJsonNumber("waitingTools").longValue()).isEqualTo(10);
    Api.Reply trail =
        Api.get(
            "/api/v1/audit/events?type=TOOL_REVIEW_REQUESTED&connection=" + connection, admin());
    assertThat(trail.status()).as(trail.body()).isEqualTo(200);
    assertThat(trail.body()).contains("\"waiting\":\"10\"").contains(MESSAGE);

    // The operators see it: through the API, on the Overview, with the vendor's tools.
    assertThat(openRequestsOf(vendor))
        .singleElement()
        .satisfies(
            open -> {
              assertThat(open.getString("organization")).isEqualTo(ORG);
              assertThat(open.getString("message")).isEqualTo(MESSAGE);
              assertThat(open.getJsonNumber("waitingTools").longValue()).isEqualTo(10);
            });
    try (Browser operatorBrowser = Browser.open()) {
      ConsoleSignIn.as(operatorBrowser, "operator", "operator-demo");
      String overview = operatorBrowser.text("waiting-review-requests");
      assertThat(overview).startsWith("Review requests:").contains("from organizations' admins");
      assertThat(Integer.parseInt(overview.replaceAll("^Review requests: (\\d+) .*$", "$1")))
          .isPositive();
      operatorBrowser.submit(operatorBrowser.driver.findElement(By.id("nav-review")));
      new Select(operatorBrowser.driver.findElement(By.id("filter-vendor"))).selectByValue(vendor);
      operatorBrowser.submit(By.id("filter-show"));
      WebElement request =
          operatorBrowser.driver.findElement(
              By.cssSelector(
                  "article.review .review-requests li[data-organization='" + ORG + "']"));
      assertThat(request.getText())
          .startsWith(ORG + ": acme-admin asked")
          .contains("10 tools wait")
          .contains(MESSAGE);
      assertThat(
              operatorBrowser
                  .driver
                  .findElement(By.cssSelector("article.review .review-requests h3"))
                  .getText())
          .isEqualTo("Asked for by 1 organization");
      operatorBrowser.screenshot("review-queue-requested");
    }

    // Deciding every waiting tool answers it.
    for (JsonObject tool : tools()) {
      Api.Reply decided =
          Api.put(
              "/api/v1/catalog/vendors/" + vendor + "/tools/" + tool.getString("name"),
              operator,
              "{\"decision\":\"DENY\",\"reason\":\"tool review request IT\"}");
      assertThat(decided.status()).as(decided.body()).isEqualTo(200);
    }
    JsonObject answered = reviewRequest();
    assertThat(answered.getString("state")).isEqualTo("ANSWERED");
    assertThat(answered.getJsonNumber("waitingTools").longValue()).isZero();
    assertThat(answered.getString("answeredBy")).isNotBlank();
    assertThat(answered.getString("answeredAt")).isNotBlank();
    assertThat(openRequestsOf(vendor)).isEmpty();

    openTools();
    assertThat(browser.text("waiting-tools")).startsWith("No tool waits for a review");
    assertThat(browser.text("review-answered"))
        .startsWith("The review asked for")
        .contains("is done: every tool it was about has a decision");
    assertThat(browser.driver.findElements(By.id("ask-review-button")))
        .as("nothing left to ask for")
        .isEmpty();
    Api.Reply nothingWaits =
        Api.post("/api/v1/connections/" + connection + "/review-request", admin(), "{}");
    assertThat(nothingWaits.status()).as(nothingWaits.body()).isEqualTo(409);
    assertThat(nothingWaits.body()).contains("NOTHING_TO_REVIEW");
    assertThat(reviewRequest().getString("state"))
        .as("refused: nothing changed")
        .isEqualTo("ANSWERED");
  }

  @Test
  void the_api_refuses_what_the_console_cannot_send() {
    Api.Reply tooLong =
        Api.post(
            "/api/v1/connections/" + connection + "/review-request",
            admin(),
            "{\"message\":\"" + "x".repeat(501) + "\"}");
    assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(400);
    assertThat(tooLong.body()).contains("MESSAGE_TOO_LONG");

    String stranger = Gateway.organizationOn(Api.newOrganization("review-stranger"), "TRIAL");
    Api.Reply notTheirs =
        Api.post("/api/v1/connections/" + connection + "/review-request", stranger, "{}");
    assertThat(notTheirs.status()).as(notTheirs.body()).isEqualTo(404);
    assertThat(Api.get("/api/v1/connections/" + connection + "/review-request", stranger).status())
        .isEqualTo(404);

    Api.Reply integrator =
        Api.post(
            "/api/v1/connections/" + connection + "/review-request",
            Api.token(ORG, "integrator"),
            "{}");
    assertThat(integrator.status()).as(integrator.body()).isEqualTo(403);
    assertThat(Api.get("/api/v1/review-requests", admin()).status())
        .as("only operators list every organization's requests")
        .isEqualTo(403);
  }

  private void openTools() {
    browser.submit(browser.driver.findElement(By.linkText("Data sources")));
    browser.submit(browser.driver.findElement(By.cssSelector("[data-tools='" + connection + "']")));
  }

  private static JsonObject reviewRequest() {
    Api.Reply reply = Api.get("/api/v1/connections/" + connection + "/review-request", admin());
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private static List<JsonObject> openRequestsOf(String vendorId) {
    Api.Reply reply = Api.get("/api/v1/review-requests", operator);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.jsonArray().getValuesAs(JsonObject.class).stream()
        .filter(r -> r.getString("vendor").equals(vendorId))
        .toList();
  }

  private static List<JsonObject> tools() {
    Api.Reply reply = Api.get("/api/v1/catalog/vendors/" + vendor + "/tools", operator);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.jsonArray().getValuesAs(JsonObject.class);
  }

  private static String admin() {
    return Api.token(ORG, "org-admin");
  }
}
