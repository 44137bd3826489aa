package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Plan and usage page counts what the AI engine does through the API: the admin calls nothing
 * in the console, an integrator's tool call happens, and the next visit shows one more call.
 */
@ExtendWith(BrowserExtension.class)
class ConsoleUsageIT {

  private static final String TOOL = "list_customers";

  /** acme may call MCP tools. */
  @RegisterExtension static final AcmePlan acmePlan = AcmePlan.during("TRIAL");

  @Test
  void a_tool_call_through_the_api_shows_on_the_next_visit(Browser browser) throws Exception {
    String connection = Consent.connect(token(), TOOL);
    try {
      ConsoleSignIn.as(browser, "acme-admin", "acme-admin-demo");
      long before = Long.parseLong(browser.text("tool-calls-used"));

      Api.Reply called = Gateway.call(token(), "connectionId", connection, TOOL, "{\"limit\":1}");
      assertThat(called.status()).as(called.body()).isEqualTo(200);
      browser.visit(ConsoleSignIn.HOME);

      assertThat(Long.parseLong(browser.text("tool-calls-used"))).isEqualTo(before + 1);
      browser.screenshot("plan-and-usage-after-a-call");
    } finally {
      Api.delete("/api/v1/connections/" + connection, token());
    }
  }

  /** acme's admin, integrator and (for allowing the tool) operator. */
  private static String token() {
    return Api.token("acme", "org-admin", "integrator", "platform-operator");
  }
}
