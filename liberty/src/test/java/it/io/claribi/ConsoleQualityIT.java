package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The console's quality bar, checked on every page (a connection's Tools page with its review form
 * included) as a laptop (1280×800), a tablet (768×1024) and a small phone (320×640) show it:
 * nothing is loaded from anywhere but this server (no CDN, no web font), no page is wider than the
 * screen, every form control has a label a screen reader can read, every table has a name, the menu
 * marks the page being shown ({@code aria-current}), and axe-core (injected by the test, never
 * shipped) finds no serious or critical violation. Screenshots go to {@code
 * target/screenshots/{laptop,tablet,phone}-*.png}.
 */
@ExtendWith(BrowserExtension.class)
class ConsoleQualityIT {

  @RegisterExtension static final AcmePlan acmePlan = AcmePlan.during("PROFESSIONAL");

  private static String operator;
  private static String vendor;
  private static String connection;

  /**
   * A connection of acme's whose tools wait for review, so that its Tools page shows everything it
   * can: the tools, and the form asking for a review; the operators' pages show the waiting tools.
   */
  @BeforeAll
  static void aConnectionWhoseToolsWaitForReview() throws Exception {
    operator = Api.token("platform-ops", "platform-operator");
    vendor = DemoVendor.catalogued("quality-it", "Quality IT", operator, "console quality IT");
    connection = Consent.connectTo(vendor, Api.token("acme", "org-admin"));
  }

  @AfterAll
  static void cleanUp() {
    try {
      if (connection != null) {
        Api.delete("/api/v1/connections/" + connection, Api.token("acme", "org-admin"));
      }
    } finally {
      if (vendor != null) {
        Api.delete(
            "/api/v1/catalog/vendors/" + vendor + "?reason=console%20quality%20IT", operator);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"1280x800", "768x1024", "320x640"})
  void the_admin_pages_are_self_contained_fit_the_screen_and_label_every_control(
      String size, Browser browser) throws Exception {
    resize(browser, size);
    ConsoleSignIn.as(browser, "acme-admin", "acme-admin-demo");
    for (String link : List.of("Plan and usage", "Data sources", "Audit trail")) {
      browser.submit(browser.driver.findElement(By.linkText(link)));
      checked(browser, size, link);
    }
    browser.submit(browser.driver.findElement(By.linkText("Data sources")));
    browser.submit(browser.driver.findElement(By.cssSelector("[data-tools='" + connection + "']")));
    assertThat(browser.driver.findElements(By.id("ask-review-button"))).hasSize(1);
    checked(browser, size, "Tools");
    browser.submit(browser.driver.findElement(By.id("time-zone")));
    checked(browser, size, "Time zone");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1280x800", "768x1024", "320x640"})
  void the_operator_pages_are_self_contained_fit_the_screen_and_label_every_control(
      String size, Browser browser) throws Exception {
    resize(browser, size);
    ConsoleSignIn.as(browser, "operator", "operator-demo");
    // By id: menu entries may carry a count ("Organizations (2)", "Review queue (17)").
    for (String link :
        List.of("nav-plan", "nav-organizations", "nav-catalog", "nav-review", "nav-keys")) {
      String label =
          browser.driver.findElement(By.id(link)).getText().replaceFirst(" \\(\\d+\\)$", "");
      browser.submit(browser.driver.findElement(By.id(link)));
      checked(browser, size, label);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"1280x800", "768x1024", "320x640"})
  void the_sign_in_page_too(String size, Browser browser) throws Exception {
    resize(browser, size);
    browser.visit(ConsoleSignIn.SIGN_IN);
    browser.await(By.id("username"));
    checked(browser, size, "Sign in");
  }

  /** The menu entry of each page reached through the menu; the sign-in page has no menu. */
  private static final java.util.Set<String> MENU =
      java.util.Set.of(
          "Overview",
          "Plan and usage",
          "Data sources",
          "Audit trail",
          "Organizations",
          "Catalog",
          "Review queue",
          "Keys");

  private static void checked(Browser browser, String size, String page) throws Exception {
    JavascriptExecutor js = browser.driver;
    assertThat(browser.driver.getTitle())
        .as(page)
        .doesNotContain("Not allowed")
        .doesNotContain("not found")
        .doesNotContain("Open this page");

    @SuppressWarnings("unchecked")
    List<String> resources =
        (List<String>)
            js.executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name)"
                    + ".concat([...document.querySelectorAll('link[href],script[src],img[src]')]"
                    + ".map(e => e.href || e.src));");
    assertThat(resources)
        .as(page + ": everything comes from this server")
        .allSatisfy(url -> assertThat(url).startsWith(Api.BASE + "/"));

    @SuppressWarnings("unchecked")
    Map<String, Object> widths =
        (Map<String, Object>)
            js.executeScript(
                "const screen = document.documentElement.clientWidth;"
                    + "return {page: document.documentElement.scrollWidth, screen: screen,"
                    + " wider: [...document.querySelectorAll('body *')]"
                    + ".filter(e => e.getBoundingClientRect().right > screen + 1)"
                    + ".slice(-5).map(e => e.tagName.toLowerCase()"
                    + " + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : ''))};");
    assertThat(((Number) widths.get("page")).longValue())
        .as(page + " at " + size + ": no sideways scrolling (wider: " + widths.get("wider") + ")")
        .isLessThanOrEqualTo(((Number) widths.get("screen")).longValue());

    @SuppressWarnings("unchecked")
    List<String> unlabelled =
        (List<String>)
            js.executeScript(
                "const named = c => (c.labels && c.labels.length > 0)"
                    + " || !!c.getAttribute('aria-label') || !!c.getAttribute('aria-labelledby')"
                    + " || (c.tagName === 'BUTTON' && c.textContent.trim() !== '')"
                    + " || (c.tagName === 'INPUT' && ['submit', 'button', 'reset'].includes(c.type)"
                    + "     && (c.value || '').trim() !== '');"
                    + "return [...document.querySelectorAll("
                    + "'input:not([type=hidden]), select, textarea, button')]"
                    + ".filter(c => !named(c)).map(c => c.outerHTML);");
    assertThat(unlabelled).as(page + ": controls without a label").isEmpty();

    @SuppressWarnings("unchecked")
    List<String> current =
        (List<String>)
            js.executeScript(
                "return [...document.querySelectorAll('nav[aria-label=Console] a')]"
                    + ".filter(a => a.getAttribute('aria-current') === 'page')"
                    + ".map(a => a.textContent.trim().replace(/ \\(\\d+\\)$/, ''));");
    assertThat(current)
        .as(page + ": the menu marks the page being shown, and only it")
        .isEqualTo(MENU.contains(page) ? List.of(page) : List.of());

    @SuppressWarnings("unchecked")
    List<String> unnamedTables =
        (List<String>)
            js.executeScript(
                "const named = t => !!(t.caption && t.caption.textContent.trim())"
                    + " || !!t.getAttribute('aria-label')"
                    + " || (t.getAttribute('aria-labelledby') || '').split(' ').some(id =>"
                    + "      document.getElementById(id)"
                    + "      && document.getElementById(id).textContent.trim() !== '');"
                    + "return [...document.querySelectorAll('table')].filter(t => !named(t))"
                    + ".map(t => t.id || t.outerHTML.slice(0, 80));");
    assertThat(unnamedTables).as(page + ": tables without a name").isEmpty();

    Results axe = new AxeBuilder().analyze(browser.driver);
    assertThat(axe.getErrorMessage()).as(page + ": axe-core ran").isNull();
    List<String> serious =
        axe.getViolations().stream()
            .filter(rule -> List.of("serious", "critical").contains(rule.getImpact()))
            .map(
                rule ->
                    rule.getImpact()
                        + " "
                        + rule.getId()
                        + " ("
                        + rule.getHelp()
                        + ") at "
                        + rule.getNodes().stream()
                            .map(node -> String.valueOf(node.getTarget()))
                            .toList())
            .toList();
    assertThat(serious)
        .as(page + " at " + size + ": axe-core's serious or critical findings")
        .isEmpty();

    browser.screenshot(
        (size.startsWith("768") ? "tablet-" : size.startsWith("320") ? "phone-" : "laptop-")
            + page.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
  }

  private static void resize(Browser browser, String size) {
    String[] wh = size.split("x");
    browser
        .driver
        .manage()
        .window()
        .setSize(new Dimension(Integer.parseInt(wh[0]), Integer.parseInt(wh[1])));
  }
}
