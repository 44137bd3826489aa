package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The console's quality bar, checked on every page as a laptop (1280×800) and a tablet (768×1024)
 * show it: nothing is loaded from anywhere but this server (no CDN, no web font), no page is wider
 * than the screen, and every form control has a label a screen reader can read. Screenshots of the
 * tablet views go to {@code target/screenshots/tablet-*.png}.
 */
@ExtendWith(BrowserExtension.class)
class ConsoleQualityIT {

  @RegisterExtension static final AcmePlan acmePlan = AcmePlan.during("PROFESSIONAL");

  @ParameterizedTest
  @ValueSource(strings = {"1280x800", "768x1024"})
  void the_admin_pages_are_self_contained_fit_the_screen_and_label_every_control(
      String size, Browser browser) throws Exception {
    resize(browser, size);
    ConsoleSignIn.as(browser, "acme-admin", "acme-admin-demo");
    for (String link : List.of("Plan and usage", "Data sources", "Audit trail")) {
      browser.submit(browser.driver.findElement(By.linkText(link)));
      checked(browser, size, link);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"1280x800", "768x1024"})
  void the_operator_pages_are_self_contained_fit_the_screen_and_label_every_control(
      String size, Browser browser) throws Exception {
    resize(browser, size);
    ConsoleSignIn.as(browser, "operator", "operator-demo");
    for (String link : List.of("Catalog", "Review queue", "Keys")) {
      browser.submit(browser.driver.findElement(By.linkText(link)));
      checked(browser, size, link);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"1280x800", "768x1024"})
  void the_sign_in_page_too(String size, Browser browser) throws Exception {
    resize(browser, size);
    browser.visit(ConsoleSignIn.SIGN_IN);
    browser.await(By.id("username"));
    checked(browser, size, "Sign in");
  }

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
                "return {page: document.documentElement.scrollWidth,"
                    + " screen: document.documentElement.clientWidth};");
    assertThat(((Number) widths.get("page")).longValue())
        .as(page + " at " + size + ": no sideways scrolling")
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

    browser.screenshot(
        (size.startsWith("768") ? "tablet-" : "laptop-")
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
