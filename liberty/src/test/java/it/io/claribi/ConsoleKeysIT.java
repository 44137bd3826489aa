package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's Keys page in a real browser: the operator sees the same key ring and numbers as
 * {@code GET /api/v1/credentials/rotation} and starts a rotation from the page; an org admin is
 * refused and never sees a fingerprint. Screenshots go to {@code target/screenshots/}.
 */
@ExtendWith(BrowserExtension.class)
class ConsoleKeysIT {

  private static final String PAGE = "/console/keys.xhtml";

  private Browser browser;

  @Test
  void the_operator_sees_the_key_ring_and_rotates_from_the_page() throws Exception {
    JsonObject before = rotation();
    ConsoleSignIn.as(browser, "operator", "operator-demo");

    browser.submit(browser.driver.findElement(By.linkText("Keys")));

    assertThat(browser.path()).startsWith(PAGE);
    assertThat(text("h1", By.tagName("h1"))).isEqualTo("Credential keys");
    WebElement primary =
        browser.driver.findElement(By.cssSelector("#ring tr[data-primary='true']"));
    assertThat(primary.getAttribute("data-key")).isEqualTo(before.getString("primaryKey"));
    assertThat(primary.getText()).contains("Primary");
    assertThat(browser.driver.findElements(By.cssSelector("#ring tbody tr")))
        .hasSize(before.getJsonArray("keys").size());
    assertThat(browser.text("rows-total")).isEqualTo(before.getJsonNumber("rowsTotal").toString());
    assertThat(browser.text("rows-done")).isEqualTo(before.getJsonNumber("rowsDone").toString());
    assertThat(browser.driver.getPageSource())
        .as("development keys are marked as such")
        .contains("development keys");
    browser.screenshot("keys");

    browser.submit(By.id("rotate"));

    assertThat(browser.text("notice")).startsWith("Rotation ").contains("started");
    assertThat(browser.text("run-requested-by")).startsWith("operator at ");
    String run = browser.text("run-id");
    assertThat(run).isNotEqualTo(runId(before));
    boolean runningWhenShown = browser.text("run-state").equals("Running");
    assertThat(browser.driver.findElements(By.cssSelector("head meta[http-equiv='refresh']")))
        .as("the page refreshes itself exactly while the run it shows is running")
        .hasSize(runningWhenShown ? 1 : 0);
    assertThat(browser.driver.findElements(By.id("run-following")))
        .hasSize(runningWhenShown ? 1 : 0);
    awaitFinished(run);
    // No button pressed: a page that showed the run running follows it to its end by itself.
    new WebDriverWait(browser.driver, Duration.ofSeconds(20))
        .until(
            driver -> driver.findElement(By.id("run-state")).getText().strip().equals("Finished"));
    assertThat(browser.path()).startsWith(PAGE);
    assertThat(browser.text("run-id")).isEqualTo(run);
    assertThat(browser.driver.findElements(By.cssSelector("head meta[http-equiv='refresh']")))
        .as("no refresh once the run has finished")
        .isEmpty();
    browser.submit(By.id("reload"));
    assertThat(browser.text("run-state")).isEqualTo("Finished");
    assertThat(browser.text("rows-remaining")).isEqualTo("0");
    browser.screenshot("keys-rotated");
    Api.Reply started =
        Api.get(
            "/api/v1/audit/events?type=KEY_ROTATION_STARTED&actor=operator",
            Api.token("platform", "platform-operator"));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    assertThat(started.body())
        .as("the operators' trail (organization platform, the console operator's)")
        .contains("\"run\":\"" + run + "\"");
  }

  @Test
  void an_organization_admin_is_refused_and_sees_no_fingerprint() throws Exception {
    String primaryKey = rotation().getString("primaryKey");
    ConsoleSignIn.as(browser, "acme-admin", "acme-admin-demo");
    assertThat(browser.driver.findElements(By.linkText("Keys"))).isEmpty();
    String link = keysLinkOfAnOperator();

    browser.driver.get(link);

    // Opened from outside the console (the address typed in), so it is refused before the page's
    // own role check (which answers 403 "Not allowed") is reached; the link carries no token.
    assertThat(text("h1", By.tagName("h1"))).isEqualTo("Open this page from the console");
    assertThat(browser.driver.getPageSource()).doesNotContain(primaryKey);
    browser.screenshot("keys-refused");
  }

  @Test
  void a_rotation_posted_with_a_forged_view_state_starts_nothing() throws Exception {
    ConsoleSignIn.as(browser, "operator", "operator-demo");
    browser.submit(browser.driver.findElement(By.linkText("Keys")));
    String runBefore = runId(rotation());

    ConsoleSignIn.forgeViewState(browser);
    browser.submit(By.id("rotate"));

    assertThat(text("h1", By.tagName("h1"))).isEqualTo("This form is no longer valid");
    assertThat(runId(rotation())).isEqualTo(runBefore);
  }

  @Test
  void the_page_opens_only_from_a_console_link() throws Exception {
    String primaryKey = rotation().getString("primaryKey");
    ConsoleSignIn.as(browser, "operator", "operator-demo");

    browser.visit(PAGE);

    assertThat(text("h1", By.tagName("h1"))).isEqualTo("Open this page from the console");
    assertThat(browser.driver.getPageSource()).doesNotContain(primaryKey);
    browser.screenshot("keys-typed-address");
  }

  /** The Keys link of the operator's menu (taken in a browser of its own). */
  private static String keysLinkOfAnOperator() throws Exception {
    try (Browser operator = Browser.open()) {
      ConsoleSignIn.as(operator, "operator", "operator-demo");
      return operator.driver.findElement(By.linkText("Keys")).getAttribute("href");
    }
  }

  private static JsonObject rotation() {
    Api.Reply status =
        Api.get("/api/v1/credentials/rotation", Api.token("platform-ops", "platform-operator"));
    assertThat(status.status()).as(status.body()).isEqualTo(200);
    return status.json();
  }

  private static String runId(JsonObject status) {
    return !status.containsKey("run") || status.isNull("run")
        ? ""
        : status.getJsonObject("run").getString("id");
  }

  private static void awaitFinished(String run) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      JsonObject status = rotation();
      if (run.equals(runId(status))
          && "FINISHED".equals(status.getJsonObject("run").getString("state"))) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("rotation " + run + " did not finish within 60 s");
  }

  private String text(String what, By locator) {
    return browser.driver.findElement(locator).getText().strip();
  }
}
