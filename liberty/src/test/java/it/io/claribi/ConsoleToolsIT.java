package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The console's Tools page in a real browser, signed in as the demo admin of {@code acme} (put on
 * Trial for the test, its plan put back afterwards): the demo vendor's read tools allowed and its
 * write-class tools denied, exactly as the gateway lists them; vendor markup in a description shown
 * as text and never run; another organization's connection not found. The demo vendor's tools are
 * left allowed and described as they were; the connections made here are disconnected.
 */
class ConsoleToolsIT {

  private static final String DATA_SOURCES = "/console/data-sources.xhtml";
  private static final String PAGE = "/console/tools.xhtml";
  private static final String VENDOR = Gateway.VENDOR;
  private static final String ORG = "acme";
  private static final List<String> WRITE_TOOLS =
      List.of(
          "create_refund",
          "delete_customer",
          "update_subscription",
          "send_invoice",
          "archive_customer");
  private static final String WRITE_CLASS = "write-class: changes data at the vendor";

  @RegisterExtension static final AcmePlan acmePlan = AcmePlan.during("TRIAL");

  @RegisterExtension
  static final BrowserExtension browsers =
      BrowserExtension.signedInAs("acme-admin", "acme-admin-demo");

  private Browser browser;

  @Test
  void read_tools_are_allowed_and_write_tools_blocked_with_the_reason_as_the_gateway_lists_them()
      throws Exception {
    String id = Consent.connect(admin());
    try {
      reviewed();
      browser.visit(DATA_SOURCES);
      WebElement link = browser.driver.findElement(By.cssSelector("[data-tools='" + id + "']"));
      String name = Api.get("/api/v1/connections/" + id, admin()).json().getString("displayName");
      assertThat(link.getAttribute("aria-label")).isEqualTo("Tools of " + name);
      browser.submit(link);

      assertThat(browser.path()).startsWith(PAGE + "?connection=" + id);
      assertThat(text("h1")).isEqualTo("Tools of Acme Payments (demo)");
      assertThat(browser.driver.findElement(By.id("connection")).getText()).isEqualTo(id);
      assertThat(browser.driver.findElement(By.id("connection-state")).getText())
          .isEqualTo("Connected");
      for (String tool : Gateway.READ_TOOLS) {
        WebElement row = row(tool);
        assertThat(row.getAttribute("data-status")).as(tool).isEqualTo("ALLOWED");
        assertThat(row.findElement(By.className("status")).getText()).isEqualTo("Allowed");
      }
      for (String tool : WRITE_TOOLS) {
        WebElement row = row(tool);
        assertThat(row.getAttribute("data-status")).as(tool).isEqualTo("BLOCKED");
        assertThat(row.getAttribute("data-reason")).as(tool).isEqualTo("DENIED");
        assertThat(row.findElement(By.className("status")).getText())
            .startsWith("Blocked")
            .contains("Denied by a platform operator")
            .contains(WRITE_CLASS);
      }
      assertThat(row("archive_customer").findElement(By.className("hints")).getText())
          .as("the vendor's claim is shown, and the tool is blocked all the same")
          .contains("readOnlyHint: true");
      assertThat(text("hints-note")).contains("never allows a tool because of them");

      Set<String> allowedOnPage = toolsWithStatus("ALLOWED");
      assertThat(allowedOnPage).isEqualTo(callableThrough(id)).containsAll(Gateway.READ_TOOLS);
      int blocked = toolsWithStatus("BLOCKED").size();
      assertThat(blocked).isGreaterThanOrEqualTo(WRITE_TOOLS.size());
      assertThat(text("summary"))
          .startsWith(allowedOnPage.size() + " tools allowed, " + blocked + " blocked.")
          .contains("This connection can call only the allowed tools");
      assertThat(browser.driver.findElements(By.id("not-active"))).isEmpty();
      browser.screenshot("tools");
    } finally {
      Api.delete("/api/v1/connections/" + id, admin());
    }
  }

  @Test
  void markup_in_a_vendors_description_is_shown_as_text_and_never_run() throws Exception {
    String tool = "retrieve_balance";
    String id = Consent.connect(admin());
    try {
      reviewed();
      String original = catalogTool(tool).getString("description");
      String attack =
          "Shows the balance. <script>window.pwned=1</script>"
              + "<img src=x onerror=\"window.pwned=2\">";
      try {
        DemoVendor.describe(tool, attack);
        rediscover();

        browser.visit(PAGE + "?connection=" + id);

        WebElement row = row(tool);
        assertThat(row.findElement(By.className("description")).getText()).isEqualTo(attack);
        assertThat(browser.driver.findElements(By.tagName("img"))).as("img elements").isEmpty();
        assertThat(row.findElements(By.tagName("script"))).as("script elements").isEmpty();
        assertThat(((JavascriptExecutor) browser.driver).executeScript("return window.pwned"))
            .isNull();
        assertThat(row.getAttribute("data-status")).isEqualTo("BLOCKED");
        assertThat(row.getAttribute("data-reason")).isEqualTo("CHANGED_SINCE_APPROVAL");
        assertThat(row.findElement(By.className("status")).getText())
            .contains("Changed since it was approved");
        assertThat(callableThrough(id)).doesNotContain(tool);
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView()", row);
        browser.screenshot("tools-xss");
      } finally {
        DemoVendor.describe(tool, original);
        rediscover();
      }
      assertThat(catalogTool(tool).getString("description")).isEqualTo(original);
      assertThat(catalogTool(tool).getString("state")).isEqualTo("ALLOWED");
      assertThat(callableThrough(id)).contains(tool);
    } finally {
      Api.delete("/api/v1/connections/" + id, admin());
    }
  }

  @Test
  void another_organizations_connection_is_not_found_like_a_malformed_or_unknown_id()
      throws Exception {
    String other =
        Gateway.organizationOn(Api.newOrganization("console-tools-other"), "PROFESSIONAL");
    String theirs = Consent.pending(other);
    try {
      browser.visit(PAGE + "?connection=" + theirs);
      String foreign = text("main");
      assertThat(text("notice")).isEqualTo("Connection not found.");
      assertThat(browser.driver.findElements(By.id("tools"))).isEmpty();
      // The page's content, not the header: its "Times" link returns to the address typed, id and
      // all, the same for every id, so it tells nothing.
      assertThat(browser.driver.findElement(By.tagName("main")).getAttribute("innerHTML"))
          .doesNotContain(theirs)
          .doesNotContain("Acme Payments")
          .doesNotContain("list_customers");
      browser.screenshot("tools-not-found");

      for (String id : List.of(UUID.randomUUID().toString(), "not-an-id", "")) {
        browser.visit(PAGE + "?connection=" + id);
        assertThat(text("main")).as(id).isEqualTo(foreign);
      }
      browser.visit(PAGE);
      assertThat(text("main")).isEqualTo(foreign);
    } finally {
      Api.delete("/api/v1/connections/" + theirs, other);
    }
  }

  /** The demo vendor reviewed: read tools allowed, write-class tools denied with the reason. */
  private static void reviewed() {
    for (String tool : Gateway.READ_TOOLS) {
      assertThat(decide(tool, "ALLOW", "read-only, reviewed by the console tools IT").status())
          .isEqualTo(200);
    }
    for (String tool : WRITE_TOOLS) {
      assertThat(decide(tool, "DENY", WRITE_CLASS).status()).isEqualTo(200);
    }
  }

  private static Api.Reply decide(String tool, String decision, String reason) {
    return Api.put(
        "/api/v1/catalog/vendors/" + VENDOR + "/tools/" + tool,
        operator(),
        Json.createObjectBuilder()
            .add("decision", decision)
            .add("reason", reason)
            .build()
            .toString());
  }

  /** Discovery runs through the operator's own organization's connection: acme's, here. */
  private static void rediscover() {
    Api.Reply refreshed =
        Api.post(
            "/api/v1/catalog/vendors/" + VENDOR + "/discovery",
            Api.token(ORG, "org-admin", "platform-operator"));
    assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
  }

  private static JsonObject catalogTool(String name) {
    return Api.get("/api/v1/catalog/vendors/" + VENDOR + "/tools", operator()).jsonArray().stream()
        .map(JsonObject.class::cast)
        .filter(t -> t.getString("name").equals(name))
        .findFirst()
        .orElseThrow();
  }

  /** What {@code GET /api/v1/tools} lists as callable through this connection. */
  private static Set<String> callableThrough(String connection) {
    Api.Reply tools = Api.get("/api/v1/tools", admin());
    assertThat(tools.status()).as(tools.body()).isEqualTo(200);
    return tools.json().getJsonArray("tools").stream()
        .map(JsonObject.class::cast)
        .filter(t -> connection.equals(t.getString("connectionId", "")))
        .map(t -> t.getString("name"))
        .collect(Collectors.toSet());
  }

  private Set<String> toolsWithStatus(String status) {
    return browser.driver.findElements(By.cssSelector("tr[data-status='" + status + "']")).stream()
        .map(row -> row.getAttribute("data-tool"))
        .collect(Collectors.toSet());
  }

  private WebElement row(String tool) {
    return browser.driver.findElement(By.cssSelector("tr[data-tool='" + tool + "']"));
  }

  private String text(String idOrTag) {
    By by = idOrTag.equals("h1") || idOrTag.equals("main") ? By.tagName(idOrTag) : By.id(idOrTag);
    return browser.driver.findElement(by).getText().strip();
  }

  private static String admin() {
    return Api.token(ORG, "org-admin");
  }

  private static String operator() {
    return Api.token("platform-ops", "platform-operator");
  }
}
