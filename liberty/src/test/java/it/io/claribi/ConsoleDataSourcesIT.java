package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The console's Data sources page in a real browser, signed in as the demo admin of {@code acme}:
 * the catalog's vendors with their state, connecting the demo vendor through its real authorization
 * server (which approves at once), disconnecting with a confirmation step, a return address naming
 * another organization's connection, and a vendor locked by a downgrade. acme's plan is put back
 * afterwards; only the connections made here are disconnected. Screenshots go to {@code
 * target/screenshots/}.
 */
class ConsoleDataSourcesIT {

  private static final String PAGE = "/console/data-sources.xhtml";
  private static final String VENDOR = "acme-payments";
  private static final String ORG = "acme";

  @RegisterExtension static final AcmePlan acmePlan = AcmePlan.during("TRIAL");

  @RegisterExtension
  static final BrowserExtension browsers =
      BrowserExtension.signedInAs("acme-admin", "acme-admin-demo");

  private Browser browser;

  @Test
  void the_admin_connects_and_disconnects_the_demo_vendor() throws Exception {
    disconnectAll(); // Connect is the main button only while the vendor has no connection
    browser.visit(PAGE);
    assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Data sources");
    WebElement demo = vendorRow(VENDOR);
    assertThat(demo.findElement(By.xpath("ancestor::table")).getAttribute("id")).isEqualTo("mcp");
    assertThat(browser.driver.findElements(By.cssSelector("#native tr[data-vendor]"))).isNotEmpty();
    browser.screenshot("data-sources");

    browser.submit(demo.findElement(By.cssSelector("[data-connect='" + VENDOR + "']")));

    browser.awaitPath(PAGE + "?connection=");
    String id = queryValue(browser.driver.getCurrentUrl(), "connection");
    try {
      connectedThenDisconnected(id);
    } finally {
      if (listedIds().contains(id)) {
        Api.delete("/api/v1/connections/" + id, admin());
      }
    }
  }

  private void connectedThenDisconnected(String id) throws Exception {
    assertThat(browser.driver.getCurrentUrl()).contains("result=connected");
    assertThat(browser.text("notice")).endsWith("is connected.");
    assertThat(vendorRow(VENDOR).getAttribute("data-state")).isEqualTo("CONNECTED");
    assertThat(connectionItem(id).getAttribute("data-state")).isEqualTo("ACTIVE");
    assertThat(listedIds()).contains(id);
    browser.screenshot("data-sources-connected");

    browser.submit(
        connectionItem(id).findElement(By.cssSelector("[data-disconnect='" + id + "']")));

    String asked = browser.text("confirm-disconnect");
    assertThat(asked)
        .contains(id)
        .contains("stored credential")
        .contains("the token is revoked at the vendor");
    assertThat(connectionItem(id).findElements(By.id("confirm-disconnect")))
        .as("the confirmation opens at the connection it is about")
        .hasSize(1);
    WebElement yes = browser.driver.findElement(By.cssSelector("[data-confirm-disconnect=yes]"));
    assertThat(yes.getAttribute("class")).contains("danger");
    assertThat(yes.getCssValue("background-color"))
        .as("a destructive button is red, not the accent blue")
        .isEqualTo("rgba(166, 27, 27, 1)");
    assertThat(listedIds()).as("nothing deleted before the confirmation").contains(id);
    browser.screenshot("data-sources-confirm-disconnect");

    browser.submit(By.cssSelector("[data-confirm-disconnect=yes]"));

    assertThat(browser.text("notice")).startsWith("Disconnected");
    assertThat(browser.driver.findElements(By.cssSelector("[data-connection='" + id + "']")))
        .isEmpty();
    assertThat(listedIds()).doesNotContain(id);
    browser.screenshot("data-sources-disconnected");
  }

  @Test
  void no_accidental_second_connection() throws Exception {
    String first = Consent.connect(admin());
    String second = null;
    try {
      String firstName = nameOf(first);
      browser.visit(PAGE);
      WebElement demo = vendorRow(VENDOR);
      assertThat(demo.findElements(By.cssSelector("[data-connect]")))
          .as("Connect is no longer the main action of a connected vendor")
          .isEmpty();
      WebElement add = demo.findElement(By.cssSelector("[data-add-connection='" + VENDOR + "']"));
      assertThat(add.getAttribute("value")).isEqualTo("Add another connection");
      assertThat(add.getAttribute("class")).contains("secondary");
      WebElement item = connectionItem(first);
      assertThat(item.findElement(By.cssSelector("[data-connection-name]")).getText())
          .isEqualTo(firstName);
      assertThat(item.getText()).contains("Connected since").contains("Never used");
      assertThat(item.findElement(By.className("connection-id")).getText())
          .isEqualTo("Connection ID " + first);
      List<String> before = listedIds();

      browser.submit(add);
      browser.submit(nameForm().findElement(By.cssSelector("[data-connect-another]")));
      assertThat(nameProblem()).isEqualTo("Enter a name for the connection.");
      assertThat(listedIds()).as("no attempt without a name").isEqualTo(before);

      typeName(" " + firstName.toUpperCase(java.util.Locale.ROOT) + " ");
      browser.submit(nameForm().findElement(By.cssSelector("[data-connect-another]")));
      assertThat(nameProblem())
          .isEqualTo(
              "Another connection to Acme Payments (demo) is already called \u201c"
                  + firstName.toUpperCase(java.util.Locale.ROOT)
                  + "\u201d. Choose another name.");
      WebElement input = nameForm().findElement(By.cssSelector("[data-connection-name-input]"));
      assertThat(input.getAttribute("aria-invalid")).isEqualTo("true");
      assertThat(input.getAttribute("aria-describedby")).isEqualTo("connection-name-problem");
      assertThat(listedIds()).as("no attempt for a name taken").isEqualTo(before);
      browser.screenshot("data-sources-name-taken");

      String name = "Acme EU " + Long.toString(System.nanoTime(), 36);
      typeName(name);
      browser.submit(nameForm().findElement(By.cssSelector("[data-connect-another]")));

      browser.awaitPath(PAGE + "?connection=");
      second = queryValue(browser.driver.getCurrentUrl(), "connection");
      assertThat(browser.driver.getCurrentUrl()).contains("result=connected");
      assertThat(browser.text("notice")).isEqualTo(name + " is connected.");
      assertThat(
              connectionItem(second)
                  .findElement(By.cssSelector("[data-connection-name]"))
                  .getText())
          .isEqualTo(name);
      assertThat(nameOf(second)).isEqualTo(name);
      lastUseAppearsAfterACall(first, second);
    } finally {
      for (String id : new String[] {first, second}) {
        if (id != null) {
          Api.delete("/api/v1/connections/" + id, admin());
        }
      }
    }
  }

  private void lastUseAppearsAfterACall(String used, String unused) throws Exception {
    String caller = Api.token(ORG, "org-admin", "integrator", "platform-operator");
    assertThat(Gateway.decide(caller, VENDOR, "list_customers", "ALLOW").status()).isEqualTo(200);
    Api.Reply called =
        Gateway.call(caller, "connectionId", used, "list_customers", "{\"limit\":1}");
    assertThat(called.status()).as(called.body()).isEqualTo(200);
    String lastUsed = ConnectIT.awaitLastUse(admin(), used);

    browser.visit(PAGE);
    WebElement time = connectionItem(used).findElement(By.cssSelector("[data-last-used] time"));
    assertThat(time.getAttribute("datetime"))
        .isEqualTo(java.time.Instant.parse(lastUsed).truncatedTo(ChronoUnit.SECONDS).toString());
    assertThat(connectionItem(used).findElement(By.cssSelector("[data-last-used]")).getText())
        .as("in the zone the person chose, UTC when none (decision 56)")
        .matches("Last used \\d{1,2} [A-Z][a-z]{2} 20\\d\\d, \\d\\d:\\d\\d UTC\\.");
    assertThat(connectionItem(unused).findElement(By.cssSelector("[data-last-used]")).getText())
        .isEqualTo("Never used.");
    browser.screenshot("data-sources-two-connections");
  }

  private WebElement nameForm() {
    return browser.driver.findElement(By.cssSelector("[data-name-connection='" + VENDOR + "']"));
  }

  private String nameProblem() {
    return nameForm().findElement(By.cssSelector("[data-name-problem]")).getText();
  }

  private void typeName(String name) {
    WebElement input = nameForm().findElement(By.cssSelector("[data-connection-name-input]"));
    input.clear();
    input.sendKeys(name);
  }

  private static String nameOf(String connection) {
    return Api.get("/api/v1/connections/" + connection, admin()).json().getString("displayName");
  }

  /** Leftovers of acme's connections to the demo vendor, so that it starts unconnected. */
  private static void disconnectAll() {
    Api.get("/api/v1/connections", admin()).jsonArray().stream()
        .map(v -> v.asJsonObject())
        .filter(c -> VENDOR.equals(c.getString("vendor")))
        .forEach(c -> Api.delete("/api/v1/connections/" + c.getString("id"), admin()));
  }

  @Test
  void an_upload_is_listed_escaped_and_removed_after_confirmation() throws Exception {
    String name = "<img src=x onerror=alert(1)> & sales.csv";
    Api.Reply added = Uploads.upload(admin(), name, "region,amount\neu,10\nus,20\n", "sales");
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    String id = added.json().getString("id");
    try {
      browser.visit(PAGE);
      WebElement row = browser.driver.findElement(By.cssSelector("tr[data-upload='" + id + "']"));
      assertThat(row.getText()).contains(name).contains("CSV").contains("sales");
      assertThat(browser.driver.findElements(By.tagName("img"))).as("markup in a name").isEmpty();
      browser.screenshot("data-sources-uploads");

      browser.submit(row.findElement(By.cssSelector("input[type='submit']")));
      assertThat(browser.text("confirm-remove")).contains(name).contains("stored contents");
      assertThat(
              browser
                  .driver
                  .findElement(By.cssSelector("tr[data-upload='" + id + "']"))
                  .findElements(By.id("confirm-remove")))
          .as("the confirmation opens at the file's row")
          .hasSize(1);
      assertThat(
              browser
                  .driver
                  .findElement(By.cssSelector("#confirm-remove [data-confirm-remove='yes']"))
                  .getAttribute("class"))
          .contains("danger");
      assertThat(Api.get("/api/v1/uploads/" + id, admin()).status()).isEqualTo(200);
      browser.submit(By.cssSelector("#confirm-remove [data-confirm-remove='yes']"));

      assertThat(browser.text("notice")).isEqualTo("Removed " + name + ".");
      assertThat(browser.driver.findElements(By.cssSelector("tr[data-upload='" + id + "']")))
          .isEmpty();
      assertThat(Api.get("/api/v1/uploads/" + id, admin()).status()).isEqualTo(404);
    } finally {
      Api.delete("/api/v1/uploads/" + id, admin());
    }
  }

  @Test
  void cancelling_a_disconnect_keeps_the_connection() throws Exception {
    String id = Consent.pending(admin());
    try {
      browser.visit(PAGE);
      browser.submit(
          connectionItem(id).findElement(By.cssSelector("[data-disconnect='" + id + "']")));
      browser.submit(By.cssSelector("[data-confirm-disconnect=no]"));

      assertThat(browser.driver.findElements(By.id("confirm-disconnect"))).isEmpty();
      assertThat(connectionItem(id).getAttribute("data-state")).isEqualTo("PENDING");
      assertThat(listedIds()).contains(id);
    } finally {
      Api.delete("/api/v1/connections/" + id, admin());
    }
  }

  @Test
  void another_organizations_connection_in_the_return_address_is_not_found() throws Exception {
    String other = Gateway.organizationOn(Api.newOrganization("console-other"), "PROFESSIONAL");
    String theirs = Consent.pending(other);

    browser.visit(PAGE + "?connection=" + theirs + "&result=connected");

    assertThat(browser.text("notice")).isEqualTo("Connection not found.");
    assertThat(browser.driver.getPageSource()).doesNotContain(theirs + "</code>");
    browser.screenshot("data-sources-not-found");
  }

  @Test
  void a_failed_connect_shows_its_code_and_never_text_from_the_address() throws Exception {
    browser.visit(PAGE + "?connection=x&result=failed&code=VENDOR_AUTHORIZATION_DENIED");
    assertThat(browser.text("notice")).contains("Connecting failed (VENDOR_AUTHORIZATION_DENIED)");

    browser.visit(PAGE + "?connection=x&result=failed&code=%3Cb%3Ehi%3C%2Fb%3E");
    assertThat(browser.text("notice"))
        .isEqualTo("Connecting failed. Nothing was saved; you can try again.");
  }

  @Test
  void after_a_downgrade_to_free_the_demo_vendor_is_locked_until_trial() throws Exception {
    acmePlan.set("FREE");
    try {
      browser.visit(PAGE);

      assertThat(browser.text("plan")).isEqualTo("Free");
      WebElement demo = vendorRow(VENDOR);
      assertThat(demo.findElement(By.className("unlocked-by")).getText())
          .contains("Trial")
          .endsWith("ask for it");
      assertThat(demo.findElements(By.cssSelector("[data-connect]"))).isEmpty();
      if (demo.findElements(By.cssSelector("[data-connection]")).isEmpty()) {
        assertThat(demo.getAttribute("data-state")).isEqualTo("LOCKED");
      }
      browser.screenshot("data-sources-locked");
      // the way forward: the larger plans on Plan and usage, where the admin asks for one
      browser.submit(demo.findElement(By.cssSelector("a.ask-plan")));
      assertThat(browser.path()).isEqualTo("/console/index.xhtml#plans");
      assertThat(browser.driver.findElements(By.cssSelector("#larger-plans tr[data-plan='TRIAL']")))
          .hasSize(1);
    } finally {
      acmePlan.set("TRIAL");
    }
  }

  private static String admin() {
    return Api.token(ORG, "org-admin");
  }

  private static List<String> listedIds() {
    return Consent.listedIds(admin());
  }

  private WebElement vendorRow(String vendor) {
    return browser.driver.findElement(By.cssSelector("tr[data-vendor='" + vendor + "']"));
  }

  private WebElement connectionItem(String id) {
    return browser.driver.findElement(By.cssSelector("li[data-connection='" + id + "']"));
  }

  private static String queryValue(String url, String name) {
    for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    throw new AssertionError("no " + name + " in " + url);
  }
}
