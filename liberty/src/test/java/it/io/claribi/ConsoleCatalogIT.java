package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The platform operator's Catalog and Review queue pages in a real browser, signed in as the demo
 * {@code operator}. A demo-vendor tool is put into the queue the way it happens in production: the
 * vendor changes its description and discovery (through a connection of an organization made for
 * this test) marks it changed since approval. Each test puts back what it changed: the vendor's
 * descriptions, a new discovery, and an ALLOW for the read tools it touched (other ITs call them),
 * or the DENY a tool had before. Screenshots go to {@code target/screenshots/}.
 */
@ExtendWith(BrowserExtension.class)
class ConsoleCatalogIT {

  private static final String VENDOR = "acme-payments";
  private static final String VENDOR_NAME = "Acme Payments (demo)";
  private static final String CATALOG = "/console/catalog.xhtml";
  private static final String REVIEW = "/console/review.xhtml";
  private static final String XSS =
      "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\">";

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** An organization of this test's own with an active connection, to run discovery through. */
  private static String ops;

  private static String connection;

  private Browser browser;

  @BeforeAll
  static void connectTheDemoVendor() throws Exception {
    ops = Gateway.organizationOn(Api.newOrganization("console-catalog"), "PROFESSIONAL");
    connection = Consent.connect(ops);
  }

  @AfterAll
  static void disconnect() {
    if (connection != null) {
      Api.delete("/api/v1/connections/" + connection, ops);
    }
  }

  @Test
  void the_catalog_lists_the_demo_vendor_with_its_scopes_and_tool_counts() throws Exception {
    String retired = retiredVendor();
    ConsoleSignIn.as(browser, "operator", "operator-demo");
    browser.visit(CATALOG);

    assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Catalog");
    WebElement demo = vendorRow(VENDOR);
    assertThat(demo.getText()).contains(VENDOR_NAME).contains("MCP server").contains("Active");
    assertThat(demo.findElement(By.className("scopes")).getText())
        .contains("openid")
        .contains("payments:read");
    assertThat(demo.findElement(By.className("url")).getText()).contains("/demo-vendor/mcp");
    List<JsonObject> tools = tools();
    assertThat(tools).isNotEmpty();
    for (String state :
        List.of(
            "ALLOWED", "PENDING_REVIEW", "CHANGED_SINCE_APPROVAL", "DENIED", "NO_LONGER_LISTED")) {
      long expected = tools.stream().filter(t -> t.getString("state").equals(state)).count();
      assertThat(count(demo, state)).as(state).isEqualTo(expected);
    }
    WebElement gone = vendorRow(retired);
    assertThat(gone.getAttribute("class")).contains("retired");
    assertThat(gone.findElement(By.className("state")).getText()).isEqualTo("Retired");
    assertThat(vendorRow("jira").getText()).contains("Native connector");
    browser.screenshot("catalog");

    browser.submit(demo.findElement(By.tagName("a")));

    assertThat(browser.path()).isEqualTo(CATALOG + "?vendor=" + VENDOR);
    assertThat(browser.text("vendor-title")).contains(VENDOR_NAME);
    assertThat(browser.text("vendor-scopes")).contains("payments:read");
    List<WebElement> rows = browser.driver.findElements(By.cssSelector("#tools tbody tr"));
    assertThat(rows).hasSize(tools.size());
    JsonObject decided =
        tools.stream().filter(t -> str(t, "decidedBy") != null).findFirst().orElseThrow();
    WebElement row = toolRow(decided.getString("name"));
    assertThat(row.getAttribute("data-state")).isEqualTo(decided.getString("state"));
    assertThat(row.findElement(By.className("decided-by")).getText())
        .startsWith(decided.getString("decidedBy"));
    assertThat(row.findElement(By.className("reason")).getText())
        .contains(decided.getString("decisionReason"));
    WebElement history = row.findElement(By.cssSelector("details.history"));
    history.findElement(By.tagName("summary")).click();
    assertThat(history.findElements(By.tagName("li"))).hasSize(decisions(decided).size());
    browser.screenshot("catalog-vendor");

    browser.visit(CATALOG + "?vendor=no-such-vendor");
    assertThat(browser.text("notice")).isEqualTo("Vendor not found.");
    assertThat(browser.driver.findElements(By.id("tools"))).isEmpty();
    browser.visit(CATALOG + "?vendor=%3Cb%3EX%3C%2Fb%3E");
    assertThat(browser.text("notice")).isEqualTo("Vendor not found.");
    browser.screenshot("catalog-vendor-not-found");
  }

  @Test
  void allow_a_tool_from_the_review_queue() throws Exception {
    String tool = "list_payouts";
    JsonObject before = tool(tool);
    try {
      String description =
          "Lists payouts. Changed at the vendor " + UUID.randomUUID() + ".\nNow on two lines.";
      JsonObject changed = changedAtTheVendor(tool, description);
      ConsoleSignIn.as(browser, "operator", "operator-demo");
      openReviewQueue(tool);

      WebElement item = queued(tool);
      assertThat(item.getAttribute("data-state")).isEqualTo("CHANGED_SINCE_APPROVAL");
      assertThat(item.findElement(By.tagName("h2")).getText()).contains(tool).contains(VENDOR);
      assertThat(item.findElement(By.className("description")).getText()).isEqualTo(description);
      assertThat(item.findElement(By.cssSelector("pre.schema")).getText())
          .contains("\"type\": \"object\"");
      assertThat(item.findElement(By.className("hints")).getText())
          .contains("Unverified vendor hints — they never allow a call.")
          .contains("readOnlyHint: true");
      WebElement what = item.findElement(By.cssSelector("section.changed"));
      assertThat(what.findElement(By.cssSelector(".fingerprint.approved")).getText())
          .isEqualTo(changed.getString("approvedFingerprint"));
      assertThat(what.findElement(By.cssSelector(".fingerprint.current")).getText())
          .isEqualTo(changed.getString("fingerprint"));
      assertThat(what.findElement(By.className("last-allow")).getText())
          .contains(changed.getString("decidedBy"))
          .contains(changed.getString("decisionReason"));
      JsonObject approved = changed.getJsonObject("approved");
      assertThat(approved).as("ToolView.approved while changed since approval").isNotNull();
      assertThat(approved.getString("description")).isEqualTo(before.getString("description"));
      assertThat(approved.getJsonObject("inputSchema")).isEqualTo(changed.get("inputSchema"));
      WebElement diff = what.findElement(By.cssSelector("section.diff[data-field='Description']"));
      assertThat(diff.findElement(By.cssSelector(".approved .text")).getText())
          .isEqualTo(before.getString("description"));
      assertThat(diff.findElement(By.cssSelector(".now .text")).getText()).isEqualTo(description);
      assertThat(what.findElements(By.cssSelector("section.diff"))).hasSize(1);
      assertThat(what.findElement(By.className("unchanged")).getText())
          .isEqualTo("Unchanged since approval: Title, Input schema, Annotations.");
      assertThat(diff.findElements(By.cssSelector("ol.line-diff li.removed del")))
          .extracting(WebElement::getText)
          .containsExactly(before.getString("description"));
      assertThat(diff.findElements(By.cssSelector("ol.line-diff li.added ins")))
          .extracting(WebElement::getText)
          .containsExactly(description.lines().findFirst().orElseThrow(), "Now on two lines.");
      show(what);
      browser.screenshot("review-queue");
      int decisionsBefore = decisions(changed).size();

      browser.submit(queued(tool).findElement(By.cssSelector("[data-decide='ALLOW']")));

      assertThat(browser.text("notice"))
          .isEqualTo(
              "Enter a reason (up to 500 characters) to allow " + tool + ". Nothing was changed.");
      assertThat(queued(tool).findElement(By.className("reason-error")).isDisplayed()).isTrue();
      assertThat(tool(tool).getString("state")).isEqualTo("CHANGED_SINCE_APPROVAL");
      assertThat(decisions(changed)).hasSize(decisionsBefore);
      show(queued(tool).findElement(By.tagName("form")));
      browser.screenshot("review-empty-reason");

      queued(tool).findElement(By.tagName("textarea")).sendKeys("   ");
      browser.submit(queued(tool).findElement(By.cssSelector("[data-decide='ALLOW']")));
      assertThat(browser.text("notice")).startsWith("Enter a reason");
      assertThat(tool(tool).getString("state")).isEqualTo("CHANGED_SINCE_APPROVAL");

      String reason = "Read the new description: still lists payouts only. " + UUID.randomUUID();
      WebElement field = queued(tool).findElement(By.tagName("textarea"));
      field.clear();
      field.sendKeys(reason);
      browser.submit(queued(tool).findElement(By.cssSelector("[data-decide='ALLOW']")));

      assertThat(browser.text("notice"))
          .isEqualTo(tool + " of " + VENDOR_NAME + " is now allowed.");
      assertThat(queuedItems(tool)).isEmpty();
      JsonObject allowed = tool(tool);
      assertThat(allowed.getString("state")).isEqualTo("ALLOWED");
      assertThat(allowed.getString("decision")).isEqualTo("ALLOW");
      assertThat(allowed.getString("decisionReason")).isEqualTo(reason);
      assertThat(allowed.getString("decidedBy")).isEqualTo("operator");
      assertThat(allowed.getString("fingerprint")).isEqualTo(changed.getString("fingerprint"));
      assertThat(str(allowed, "approved")).as("only while changed since approval").isNull();
      JsonObject latest = decisions(allowed).get(0);
      assertThat(latest.getString("decision")).isEqualTo("ALLOW");
      assertThat(latest.getString("fingerprint")).isEqualTo(changed.getString("fingerprint"));
      assertThat(latest.getString("decidedBy")).isEqualTo("operator");
      assertThat(latest.getString("reason")).isEqualTo(reason);
      browser.screenshot("review-allowed");
    } finally {
      restore(tool, before);
    }
  }

  @Test
  void deny_a_tool_from_the_review_queue() throws Exception {
    String tool = "list_invoices";
    JsonObject before = tool(tool);
    try {
      changedAtTheVendor(tool, "Lists invoices, and now also their card numbers.");
      ConsoleSignIn.as(browser, "operator", "operator-demo");
      openReviewQueue(tool);

      String reason = "The new description asks for card data. " + UUID.randomUUID();
      queued(tool).findElement(By.tagName("textarea")).sendKeys(reason);
      browser.submit(queued(tool).findElement(By.cssSelector("[data-decide='DENY']")));

      assertThat(browser.text("notice")).isEqualTo(tool + " of " + VENDOR_NAME + " is now denied.");
      assertThat(queuedItems(tool)).isEmpty();
      JsonObject denied = tool(tool);
      assertThat(denied.getString("state")).isEqualTo("DENIED");
      assertThat(denied.getString("decisionReason")).isEqualTo(reason);
      assertThat(denied.getString("decidedBy")).isEqualTo("operator");
      assertThat(str(denied, "approved")).isNull();
      browser.screenshot("review-denied");
    } finally {
      restore(tool, before);
    }
  }

  @Test
  void vendor_markup_is_text_and_a_tool_changed_while_reviewed_is_not_allowed() throws Exception {
    String tool = "retrieve_balance";
    JsonObject before = tool(tool);
    try {
      changedAtTheVendor(tool, XSS);
      ConsoleSignIn.as(browser, "operator", "operator-demo");
      openReviewQueue(tool);

      WebElement item = queued(tool);
      assertThat(item.findElement(By.className("description")).getText()).isEqualTo(XSS);
      assertThat(browser.driver.findElements(By.cssSelector("main img"))).isEmpty();
      assertThat(browser.driver.findElements(By.cssSelector("main script"))).isEmpty();
      assertThat(browser.driver.executeScript("return window.pwned")).isNull();
      show(queued(tool));
      browser.screenshot("review-xss");

      JsonObject shown = tool(tool);
      changedAtTheVendor(tool, "Returns the balance. Changed again while the page was open.");
      queued(tool).findElement(By.tagName("textarea")).sendKeys("Looked fine when I read it");
      browser.submit(queued(tool).findElement(By.cssSelector("[data-decide='ALLOW']")));

      assertThat(browser.text("notice"))
          .isEqualTo(
              tool
                  + " changed at the vendor while you were reviewing it. Nothing was decided:"
                  + " review the new version.");
      JsonObject now = tool(tool);
      assertThat(now.getString("state")).isEqualTo("CHANGED_SINCE_APPROVAL");
      assertThat(now.getString("fingerprint")).isNotEqualTo(shown.getString("fingerprint"));
      assertThat(queued(tool).findElement(By.className("description")).getText())
          .contains("Changed again");
      assertThat(browser.driver.executeScript("return window.pwned")).isNull();
      show(queued(tool));
      browser.screenshot("review-changed-while-reviewed");
    } finally {
      restore(tool, before);
    }
  }

  @Test
  void an_org_admin_is_refused_both_pages() throws Exception {
    ConsoleSignIn.as(browser, "acme-admin", "acme-admin-demo");

    browser.visit(REVIEW);
    assertThat(browser.driver.findElement(By.tagName("h1")).getText())
        .as("a protected view without a token of the admin's own menu")
        .isEqualTo("Open this page from the console");
    assertThat(browser.driver.getPageSource()).doesNotContain("data-vendor");
    for (String page : List.of(CATALOG, CATALOG + "?vendor=" + VENDOR)) {
      browser.visit(page);
      assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
      assertThat(browser.driver.getPageSource()).doesNotContain("data-vendor");
      HttpResponse<String> direct = withBrowserCookies(page);
      assertThat(direct.statusCode()).as(page).isEqualTo(403);
      assertThat(direct.body()).doesNotContain(VENDOR_NAME).doesNotContain("data-tool");
    }
    browser.screenshot("catalog-refused");
  }

  // --- the page

  /**
   * The review queue opens only from a console link (decision 48): the menu's; it shows one tool at
   * a time, so the tool is then opened from the page's list of the queue, a link of the page too.
   */
  private void openReviewQueue(String tool) {
    browser.submit(browser.driver.findElement(By.id("nav-review")));
    browser.awaitPath(REVIEW);
    WebElement list = browser.driver.findElement(By.id("queue-list"));
    list.findElement(By.tagName("summary")).click();
    browser.submit(
        list.findElement(By.cssSelector("li[data-key='" + VENDOR + "/" + tool + "'] a")));
    assertThat(browser.driver.findElements(By.cssSelector("article.review"))).hasSize(1);
    queued(tool);
  }

  private WebElement vendorRow(String vendor) {
    return browser.driver.findElement(By.cssSelector("#vendors tr[data-vendor='" + vendor + "']"));
  }

  private WebElement toolRow(String tool) {
    return browser.driver.findElement(By.cssSelector("#tools tr[data-tool='" + tool + "']"));
  }

  private static long count(WebElement vendor, String state) {
    return Long.parseLong(
        vendor
            .findElement(By.cssSelector("li[data-count='" + state + "'] .number"))
            .getText()
            .strip());
  }

  private WebElement queued(String tool) {
    return browser.driver.findElement(By.cssSelector(queuedSelector(tool)));
  }

  /** Scrolls the tool into view for the screenshot (the queue is longer than the window). */
  private void show(WebElement item) {
    browser.driver.executeScript("arguments[0].scrollIntoView(true)", item);
  }

  private List<WebElement> queuedItems(String tool) {
    return browser.driver.findElements(By.cssSelector(queuedSelector(tool)));
  }

  private static String queuedSelector(String tool) {
    return "article.review[data-vendor='" + VENDOR + "'][data-tool='" + tool + "']";
  }

  private HttpResponse<String> withBrowserCookies(String path) throws Exception {
    HttpRequest request =
        Api.request(path, null)
            .timeout(Duration.ofSeconds(60))
            .header("Cookie", browser.cookieHeader())
            .GET()
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  // --- the catalog through the REST API

  private static List<JsonObject> tools() {
    Api.Reply reply = Api.get("/api/v1/catalog/vendors/" + VENDOR + "/tools", ops);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.jsonArray().getValuesAs(JsonObject.class);
  }

  private static JsonObject tool(String name) {
    return tools().stream()
        .filter(t -> t.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no tool " + name + " of " + VENDOR));
  }

  private static List<JsonObject> decisions(JsonObject tool) {
    Api.Reply reply =
        Api.get(
            "/api/v1/catalog/vendors/" + VENDOR + "/tools/" + tool.getString("name") + "/decisions",
            ops);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.jsonArray().getValuesAs(JsonObject.class);
  }

  private static void decide(String tool, String decision) {
    Api.Reply reply =
        Api.put(
            "/api/v1/catalog/vendors/" + VENDOR + "/tools/" + tool,
            ops,
            "{\"decision\":\"" + decision + "\",\"reason\":\"console catalog IT\"}");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
  }

  private static void discover() {
    Api.Reply reply = Api.post("/api/v1/catalog/vendors/" + VENDOR + "/discovery", ops);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
  }

  /** The tool allowed, then changed at the vendor and discovered: changed since approval. */
  private static JsonObject changedAtTheVendor(String tool, String description) {
    if (!tool(tool).getString("state").equals("CHANGED_SINCE_APPROVAL")) {
      decide(tool, "ALLOW");
    }
    DemoVendor.describe(tool, description);
    discover();
    JsonObject changed = tool(tool);
    assertThat(changed.getString("state")).isEqualTo("CHANGED_SINCE_APPROVAL");
    assertThat(changed.getString("description")).isEqualTo(description);
    return changed;
  }

  /**
   * The vendor's pristine tools, discovered again, and the decision the tool had: a DENY stays a
   * DENY; a read tool that was allowed or still pending is allowed (other ITs call it).
   */
  private static void restore(String tool, JsonObject before) {
    DemoVendor.reset();
    discover();
    String wanted = "DENY".equals(str(before, "decision")) ? "DENY" : "ALLOW";
    JsonObject now = tool(tool);
    boolean done =
        wanted.equals("DENY")
            ? now.getString("state").equals("DENIED")
            : now.getString("state").equals("ALLOWED");
    if (!done) {
      decide(tool, wanted);
    }
  }

  private static String str(JsonObject json, String key) {
    if (!json.containsKey(key) || json.isNull(key)) {
      return null;
    }
    return json.get(key) instanceof jakarta.json.JsonString text
        ? text.getString()
        : json.get(key).toString();
  }

  /** A vendor created and retired at once, to be listed as retired. */
  private static String retiredVendor() {
    String id = CatalogIT.newVendorId();
    Api.Reply created =
        Api.post(
            "/api/v1/catalog/vendors",
            ops,
            CatalogIT.vendorJson(id, "http://localhost:9/mcp", "console catalog IT"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(
            Api.delete("/api/v1/catalog/vendors/" + id + "?reason=retired%20by%20IT", ops).status())
        .isEqualTo(204);
    return id;
  }
}
