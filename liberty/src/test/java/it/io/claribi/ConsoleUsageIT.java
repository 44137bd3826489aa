package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The Plan and usage page counts what the AI engine does through the API: the admin calls nothing
 * in the console, an integrator's tool call happens, and the next visit shows one more call.
 */
class ConsoleUsageIT {

  private static final String TOOL = "list_customers";
  private static AcmePlan acmePlan;

  @BeforeAll
  static void acmeMayCallMcpTools() throws InterruptedException {
    Api.awaitTokensAccepted(Duration.ofSeconds(60));
    acmePlan = AcmePlan.remembered();
    acmePlan.set("TRIAL");
  }

  @AfterAll
  static void acmeBackOnItsPlan() {
    if (acmePlan != null) {
      acmePlan.restore();
    }
  }

  @Test
  void a_tool_call_through_the_api_shows_on_the_next_visit() throws Exception {
    String connection = Consent.connect(token(), TOOL);
    try (Browser browser = Browser.open()) {
      ConsoleSignIn.as(browser, "acme-admin", "acme-admin-demo");
      long before = Long.parseLong(text(browser, "tool-calls-used"));

      Api.Reply called = Gateway.call(token(), "connectionId", connection, TOOL, "{\"limit\":1}");
      assertThat(called.status()).as(called.body()).isEqualTo(200);
      browser.visit(ConsoleSignIn.HOME);

      assertThat(Long.parseLong(text(browser, "tool-calls-used"))).isEqualTo(before + 1);
      browser.screenshot("plan-and-usage-after-a-call");
    } finally {
      Api.delete("/api/v1/connections/" + connection, token());
    }
  }

  private static String text(Browser browser, String id) {
    return browser.driver.findElement(By.id(id)).getText().strip();
  }

  /** acme's admin, integrator and (for allowing the tool) operator. */
  private static String token() {
    return Api.token("acme", "org-admin", "integrator", "platform-operator");
  }
}
