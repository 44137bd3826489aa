package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The Review queue one tool at a time, in a real browser as the demo {@code operator}: the position
 * ("Tool N of M") and the filter in the address, the next tool of the same filtered queue after a
 * decision, the queue's count in the menu, Deny and Allow alike, and the warning where a tool's
 * hints contradict its name or description.
 *
 * <p>The queue is filled the way production fills it: a vendor of this test's own (id {@code
 * review-it-…}), served by the demo vendor's MCP server, is added to the catalog and connected, so
 * its ten tools (the demo vendor's lie {@code archive_customer} among them) await review; and the
 * demo vendor changes the description of {@code list_payouts} of {@code acme-payments} so that it
 * now says it cancels payouts while still marked read-only. Afterwards the test's vendor is retired
 * (its tools leave the queue) and {@code list_payouts} is put back and allowed.
 */
@ExtendWith(BrowserExtension.class)
class ConsoleReviewIT {

  private static final String ACME = Gateway.VENDOR;
  private static final String REVIEW = "/console/review.xhtml";
  private static final String CHANGED_TOOL = "list_payouts";
  private static final String CHANGED_DESCRIPTION =
      "Lists payouts to the bank account, and cancels the pending ones.";
  private static final Pattern MENU_COUNT = Pattern.compile("Review queue \\((\\d+)\\)");
  private static final Pattern POSITION = Pattern.compile("Tool (\\d+) of (\\d+)");

  /** The test vendor's tools that the contradiction test looks at: never denied by another. */
  private static final List<String> KEPT = List.of("/archive_customer", "/list_customers");

  private static String ops;
  private static String acmeConnection;
  private static String mine;
  private static String mineConnection;
  private static final String MINE_NAME = "Acme Review IT";

  private Browser browser;

  @BeforeAll
  static void fillTheQueue() throws Exception {
    ops = Gateway.organizationOn(Api.newOrganization("console-review"), "PROFESSIONAL");
    acmeConnection = Consent.connect(ops);
    mine = DemoVendor.catalogued("review-it", MINE_NAME, ops, "console review IT");
    mineConnection = Consent.connectTo(mine, ops);
    assertThat(tools(mine))
        .as("the test vendor's tools, discovered at connect, all await review")
        .hasSize(10)
        .allSatisfy(t -> assertThat(t.getString("state")).isEqualTo("PENDING_REVIEW"));

    if (!tool(ACME, CHANGED_TOOL).getString("state").equals("CHANGED_SINCE_APPROVAL")) {
      decide(ACME, CHANGED_TOOL, "ALLOW");
    }
    DemoVendor.describe(CHANGED_TOOL, CHANGED_DESCRIPTION);
    discover(ACME);
    assertThat(tool(ACME, CHANGED_TOOL).getString("state")).isEqualTo("CHANGED_SINCE_APPROVAL");
  }

  @AfterAll
  static void emptyIt() {
    try {
      DemoVendor.reset();
      discover(ACME);
      if (!tool(ACME, CHANGED_TOOL).getString("state").equals("ALLOWED")) {
        decide(ACME, CHANGED_TOOL, "ALLOW"); // a read tool other ITs call
      }
    } finally {
      if (mineConnection != null) {
        Api.delete("/api/v1/connections/" + mineConnection, ops);
      }
      if (acmeConnection != null) {
        Api.delete("/api/v1/connections/" + acmeConnection, ops);
      }
      if (mine != null) {
        Api.delete("/api/v1/catalog/vendors/" + mine + "?reason=console%20review%20IT%20done", ops);
      }
    }
  }

  @Test
  void one_tool_at_a_time_with_its_position_a_vendor_filter_and_the_count_in_the_menu()
      throws Exception {
    int waiting = waiting(mine);
    ConsoleSignIn.as(browser, "operator", "operator-demo");
    int total = menuCount();
    assertThat(total)
        .as("the test vendor's tools and list_payouts at least")
        .isGreaterThan(waiting);

    browser.submit(By.id("nav-review"));

    assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Review queue");
    assertThat(browser.text("position")).isEqualTo("Tool 1 of " + total);
    assertThat(browser.driver.findElements(By.cssSelector("article.review"))).hasSize(1);
    assertThat(browser.driver.findElements(By.cssSelector("#queue-list li"))).hasSize(total);
    assertThat(browser.driver.findElements(By.cssSelector("a#previous"))).isEmpty();
    assertThat(new Select(browser.driver.findElement(By.id("filter-vendor"))).getOptions())
        .extracting(WebElement::getText)
        .contains("All vendors (" + total + ")", MINE_NAME + " (" + waiting + ")");

    filterBy(mine);

    assertThat(browser.path())
        .as("the filter form's GET, with an empty state")
        .isEqualTo(REVIEW + "?vendor=" + mine + "&state=");
    assertThat(browser.text("position")).isEqualTo("Tool 1 of " + waiting);
    assertThat(browser.text("filtered"))
        .contains(MINE_NAME)
        .contains(total + " in the whole queue");
    assertThat(shownVendor()).isEqualTo(mine);
    assertThat(menuCount()).as("the menu counts the whole queue").isEqualTo(total);
    List<String> keys = queueKeys();
    assertThat(keys).hasSize(waiting).allSatisfy(key -> assertThat(key).startsWith(mine + "/"));

    browser.submit(By.id("next"));

    assertThat(browser.path())
        .isEqualTo(REVIEW + "?vendor=" + mine + "&tool=" + encode(keys.get(1)));
    assertThat(browser.text("position")).isEqualTo("Tool 2 of " + waiting);
    assertThat(shownKey()).isEqualTo(keys.get(1));
    assertThat(
            browser
                .driver
                .findElement(By.cssSelector("#queue-list li[data-key='" + keys.get(1) + "'] a"))
                .getAttribute("aria-current"))
        .isEqualTo("true");
    browser.screenshot("review-one-at-a-time");

    browser.submit(By.id("previous"));
    assertThat(browser.text("position")).isEqualTo("Tool 1 of " + waiting);
    assertThat(shownKey()).isEqualTo(keys.get(0));

    browser.submit(By.id("next"));
    browser.driver.navigate().refresh();
    assertThat(browser.text("position"))
        .as("a reload keeps the view")
        .isEqualTo("Tool 2 of " + waiting);
    assertThat(shownKey()).isEqualTo(keys.get(1));

    // The address is the view: followed from a console page, it shows the same tool.
    String address = REVIEW + "?vendor=" + mine + "&tool=" + encode(keys.get(2));
    followLink(address);
    assertThat(browser.text("position")).isEqualTo("Tool 3 of " + waiting);
    assertThat(shownKey()).isEqualTo(keys.get(2));

    browser.visit(address);
    assertThat(browser.driver.findElement(By.tagName("h1")).getText())
        .as("a typed address still opens nothing (decision 48)")
        .isEqualTo("Open this page from the console");
  }

  @Test
  void a_decision_moves_on_to_the_next_tool_of_the_same_filtered_queue() throws Exception {
    ConsoleSignIn.as(browser, "operator", "operator-demo");
    browser.submit(By.id("nav-review"));
    int total = menuCount();
    filterBy(mine);
    List<String> before = queueKeys();
    int at = 1; // not the first, not the last, and not a tool the other tests look at
    while (KEPT.stream().anyMatch(before.get(at)::endsWith)
        || KEPT.stream().anyMatch(before.get(at + 1)::endsWith)) {
      at++;
    }
    String third = before.get(at);
    openFromTheList(third);
    assertThat(browser.text("position")).isEqualTo("Tool " + (at + 1) + " of " + before.size());

    String reason = "Not needed by any report. " + UUID.randomUUID();
    browser.driver.findElement(By.cssSelector("article.review textarea")).sendKeys(reason);
    browser.submit(By.cssSelector("[data-decide='DENY']"));

    String name = third.substring(third.indexOf('/') + 1);
    assertThat(browser.text("notice")).isEqualTo(name + " of " + MINE_NAME + " is now denied.");
    assertThat(browser.path())
        .as("the next tool, in the same filter")
        .isEqualTo(REVIEW + "?vendor=" + mine + "&tool=" + encode(before.get(at + 1)));
    assertThat(browser.text("position"))
        .as("not back at the top")
        .isEqualTo("Tool " + (at + 1) + " of " + (before.size() - 1));
    assertThat(shownKey()).isEqualTo(before.get(at + 1));
    assertThat(queueKeys()).doesNotContain(third);
    assertThat(menuCount()).isEqualTo(total - 1);
    JsonObject denied = tool(mine, name);
    assertThat(denied.getString("state")).isEqualTo("DENIED");
    assertThat(denied.getString("decisionReason")).isEqualTo(reason);
    assertThat(denied.getString("decidedBy")).isEqualTo("operator");
    browser.screenshot("review-next-after-decision");

    // A refused reason keeps the tool and the filter too.
    browser.submit(By.cssSelector("[data-decide='ALLOW']"));
    assertThat(browser.text("notice")).startsWith("Enter a reason");
    assertThat(browser.path())
        .isEqualTo(REVIEW + "?vendor=" + mine + "&tool=" + encode(before.get(at + 1)));
    assertThat(browser.driver.findElements(By.className("reason-error"))).hasSize(1);
  }

  @Test
  void deny_and_allow_look_alike_and_neither_is_the_primary_button() throws Exception {
    ConsoleSignIn.as(browser, "operator", "operator-demo");
    browser.submit(By.id("nav-review"));
    filterBy(mine);

    List<WebElement> buttons =
        browser.driver.findElements(By.cssSelector("article.review [data-decide]"));
    assertThat(buttons)
        .extracting(b -> b.getAttribute("data-decide"))
        .containsExactly("DENY", "ALLOW");
    WebElement deny = buttons.get(0);
    WebElement allow = buttons.get(1);
    assertThat(allow.getAttribute("class")).isEqualTo(deny.getAttribute("class"));
    for (String property :
        List.of("background-color", "color", "border-top-color", "font-weight", "width")) {
      assertThat(allow.getCssValue(property)).as(property).isEqualTo(deny.getCssValue(property));
    }
    String primary = browser.driver.findElement(By.id("sign-out")).getCssValue("background-color");
    assertThat(allow.getCssValue("background-color"))
        .as("not the blue of a primary button (the Sign out button's)")
        .isNotEqualTo(primary);
  }

  @Test
  void a_tool_whose_hints_contradict_its_name_or_description_is_flagged() throws Exception {
    ConsoleSignIn.as(browser, "operator", "operator-demo");
    browser.submit(By.id("nav-review"));
    filterBy(mine);

    openFromTheList(mine + "/archive_customer");
    WebElement warning =
        browser.driver.findElement(By.cssSelector("article.review .contradiction"));
    assertThat(warning.getText())
        .contains("Warning: the vendor's hints contradict this tool")
        .contains(
            "The vendor marks this tool read-only, but its name, archive_customer, says it"
                + " archives.")
        .contains(
            "The vendor marks this tool read-only, but its description says it archives:"
                + " “Archives a customer so that it no longer appears in customer lists.”")
        .contains("Hints never allow or block a call");
    assertThat(browser.driver.findElement(By.cssSelector("article.review .hints")).getText())
        .contains("readOnlyHint: true");
    browser.screenshot("review-contradiction");

    openFromTheList(mine + "/list_customers");
    assertThat(browser.driver.findElements(By.cssSelector("article.review .contradiction")))
        .as("an honest read tool")
        .isEmpty();

    filterBy(ACME);
    openFromTheList(ACME + "/" + CHANGED_TOOL);
    assertThat(
            browser.driver.findElement(By.cssSelector("article.review .contradiction")).getText())
        .contains(
            "The vendor marks this tool read-only, but its description says it cancels: “"
                + CHANGED_DESCRIPTION
                + "”");
    assertThat(tool(ACME, CHANGED_TOOL).getString("state"))
        .as("the warning decides nothing")
        .isEqualTo("CHANGED_SINCE_APPROVAL");
  }

  // --- the page

  private int menuCount() {
    String label = browser.driver.findElement(By.id("nav-review")).getText();
    Matcher count = MENU_COUNT.matcher(label);
    assertThat(count.matches()).as(label).isTrue();
    return Integer.parseInt(count.group(1));
  }

  private void filterBy(String vendor) {
    new Select(browser.driver.findElement(By.id("filter-vendor"))).selectByValue(vendor);
    browser.submit(By.id("filter-show"));
    assertThat(POSITION.matcher(browser.text("position")).matches()).isTrue();
  }

  /** Opens the list of the queue and follows the link of that tool. */
  private void openFromTheList(String key) {
    WebElement list = browser.driver.findElement(By.id("queue-list"));
    if (list.getAttribute("open") == null) {
      list.findElement(By.tagName("summary")).click();
    }
    browser.submit(list.findElement(By.cssSelector("li[data-key='" + key + "'] a")));
    assertThat(shownKey()).isEqualTo(key);
  }

  /** Follows a link to {@code path} from the page, as a shared address pasted into a page would. */
  private void followLink(String path) {
    browser.driver.executeScript(
        "const a = document.createElement('a'); a.href = arguments[0]; a.id = 'shared';"
            + " document.querySelector('main').append(a); a.textContent = 'shared';",
        Api.BASE + path);
    browser.submit(By.id("shared"));
  }

  private List<String> queueKeys() {
    return browser.driver.findElements(By.cssSelector("#queue-list li")).stream()
        .map(li -> li.getAttribute("data-key"))
        .toList();
  }

  private String shownKey() {
    WebElement item = browser.driver.findElement(By.cssSelector("article.review"));
    return item.getAttribute("data-vendor") + "/" + item.getAttribute("data-tool");
  }

  private String shownVendor() {
    return browser.driver.findElement(By.cssSelector("article.review")).getAttribute("data-vendor");
  }

  private static String encode(String key) {
    return URLEncoder.encode(key, StandardCharsets.UTF_8);
  }

  // --- the catalog through the REST API

  private static List<JsonObject> tools(String vendor) {
    Api.Reply reply = Api.get("/api/v1/catalog/vendors/" + vendor + "/tools", ops);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.jsonArray().getValuesAs(JsonObject.class);
  }

  private static int waiting(String vendor) {
    return (int)
        tools(vendor).stream()
            .filter(
                t ->
                    List.of("PENDING_REVIEW", "CHANGED_SINCE_APPROVAL")
                        .contains(t.getString("state")))
            .count();
  }

  private static JsonObject tool(String vendor, String name) {
    return tools(vendor).stream()
        .filter(t -> t.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no tool " + name + " of " + vendor));
  }

  private static void decide(String vendor, String tool, String decision) {
    Api.Reply reply =
        Api.put(
            "/api/v1/catalog/vendors/" + vendor + "/tools/" + tool,
            ops,
            "{\"decision\":\"" + decision + "\",\"reason\":\"console review IT\"}");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
  }

  private static void discover(String vendor) {
    Api.Reply reply = Api.post("/api/v1/catalog/vendors/" + vendor + "/discovery", ops);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
  }
}
