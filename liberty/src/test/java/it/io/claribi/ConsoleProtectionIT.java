package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;

/**
 * Attacks on the console in a real browser: every page without a session, and a state-changing form
 * posted with a forged view state or none. The target is the disconnect of a connection of {@code
 * acme}, made here through the API and removed afterwards.
 */
@ExtendWith(BrowserExtension.class)
class ConsoleProtectionIT {

  private static final String DATA_SOURCES = "/console/data-sources.xhtml";

  /** acme may connect the demo vendor. */
  @RegisterExtension static final AcmePlan acmePlan = AcmePlan.during("TRIAL");

  private Browser browser;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/console/",
        "/console/index.xhtml",
        "/console/data-sources.xhtml",
        "/console/tools.xhtml?connection=00000000-0000-0000-0000-000000000000",
        "/console/audit.xhtml",
        "/console/catalog.xhtml",
        "/console/review.xhtml",
        "/console/keys.xhtml",
        "/console/no-such-page.xhtml"
      })
  void a_signed_out_browser_is_sent_to_sign_in_from_every_page(String page) {
    browser.visit(page);

    browser.awaitPath(ConsoleSignIn.SIGN_IN);
    assertThat(browser.driver.findElement(By.tagName("h1")).getText())
        .isEqualTo("Sign in to the console");
    assertThat(browser.driver.findElements(By.id("sign-out"))).isEmpty();
  }

  @Test
  void after_signing_in_the_browser_is_back_on_the_page_it_asked_for() {
    browser.visit(DATA_SOURCES);
    browser.awaitPath(ConsoleSignIn.SIGN_IN);
    ConsoleSignIn.fillIn(browser, "acme-admin", "acme-admin-demo");

    browser.awaitPath(DATA_SOURCES);
    assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Data sources");
  }

  @Test
  void a_disconnect_posted_with_a_forged_view_state_deletes_nothing() throws Exception {
    refusedWithNothingDeleted(ConsoleSignIn::forgeViewState, "forged-view-state");
  }

  @Test
  void a_disconnect_posted_with_garbage_for_a_view_state_deletes_nothing() throws Exception {
    refusedWithNothingDeleted(ConsoleSignIn::garbleViewState, null);
  }

  /**
   * The confirmation of a disconnect, posted after {@code tamper} changed the page's view state:
   * the "form no longer valid" page, no stack trace, and the connection still there.
   */
  private void refusedWithNothingDeleted(Consumer<Browser> tamper, String screenshot)
      throws Exception {
    String id = Consent.pending(admin());
    try {
      ConsoleSignIn.as(browser, "acme-admin", "acme-admin-demo");
      askToDisconnect(id);

      tamper.accept(browser);
      browser.submit(By.cssSelector("[data-confirm-disconnect=yes]"));

      assertThat(browser.driver.findElement(By.tagName("h1")).getText())
          .isEqualTo("This form is no longer valid");
      assertThat(browser.driver.getPageSource())
          .doesNotContain("Exception")
          .doesNotContain("jakarta.");
      if (screenshot != null) {
        browser.screenshot(screenshot);
      }
      assertThat(listedIds()).contains(id);
    } finally {
      Api.delete("/api/v1/connections/" + id, admin());
    }
  }

  @Test
  void a_disconnect_posted_without_a_view_state_deletes_nothing() throws Exception {
    String id = Consent.pending(admin());
    try {
      ConsoleSignIn.as(browser, "acme-admin", "acme-admin-demo");
      askToDisconnect(id);

      ConsoleSignIn.dropViewState(browser);
      browser.submit(By.cssSelector("[data-confirm-disconnect=yes]"));

      assertThat(browser.driver.findElements(By.id("notice")))
          .as("no 'Disconnected' notice")
          .allSatisfy(n -> assertThat(n.getText()).doesNotStartWith("Disconnected"));
      assertThat(listedIds()).contains(id);
    } finally {
      Api.delete("/api/v1/connections/" + id, admin());
    }
  }

  /** The first, harmless step of a disconnect: the page asks for confirmation. */
  private void askToDisconnect(String id) {
    browser.visit(DATA_SOURCES);
    browser.submit(By.cssSelector("[data-disconnect='" + id + "']"));
    assertThat(browser.driver.findElement(By.id("confirm-disconnect")).getText()).contains(id);
  }

  private static List<String> listedIds() {
    return Consent.listedIds(admin());
  }

  private static String admin() {
    return Api.token("acme", "org-admin");
  }
}
