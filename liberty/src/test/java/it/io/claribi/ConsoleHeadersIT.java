package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The console's response headers in a real browser and on the wire (decision 48): every page, error
 * page and asset carries them; no page breaks its own Content-Security-Policy; a page of another
 * origin cannot frame the console; Back after sign-out shows nothing of the organization; the
 * operator pages' links carry no Faces token.
 */
@ExtendWith(BrowserExtension.class)
class ConsoleHeadersIT {

  private static final String DATA_SOURCES = "/console/data-sources.xhtml";
  private static final String NO_CONNECTION =
      "/console/tools.xhtml?connection=00000000-0000-0000-0000-000000000000";

  /** acme may connect the demo vendor, so its Data sources page lists a connection. */
  @RegisterExtension static final AcmePlan acmePlan = AcmePlan.during("TRIAL");

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** Records every CSP violation of each page the browser opens, into window.cspViolations. */
  private static final String CSP_LISTENER =
      "window.cspViolations = [];"
          + "document.addEventListener('securitypolicyviolation', e =>"
          + " window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));";

  private Browser browser;

  @Test
  void every_console_page_error_page_and_asset_sends_the_security_headers() throws Exception {
    String admin = signedInCookies("acme-admin", "acme-admin-demo");
    String operator = signedInCookies("operator", "operator-demo");
    Map<String, String> pages = new java.util.LinkedHashMap<>();
    for (String page :
        List.of(
            "/console/index.xhtml",
            DATA_SOURCES,
            NO_CONNECTION,
            "/console/audit.xhtml",
            "/console/catalog.xhtml",
            "/console/no-such-page.xhtml")) {
      pages.put(page, admin);
    }
    for (String page :
        List.of(
            "/console/index.xhtml",
            "/console/catalog.xhtml",
            "/console/catalog.xhtml?vendor=no-such-vendor",
            "/console/review.xhtml",
            "/console/keys.xhtml")) {
      pages.put(page + "#operator", operator);
    }
    for (String page :
        List.of(
            ConsoleSignIn.SIGN_IN,
            "/console/assets/console.css",
            "/console/errors/expired.html",
            "/console/errors/open-from-console.html")) {
      pages.put(page, "");
    }

    for (Map.Entry<String, String> page : pages.entrySet()) {
      String path = page.getKey().replace("#operator", "");
      HttpResponse<String> response = get(path, page.getValue());
      String what = page.getKey() + " (" + response.statusCode() + ")";
      assertThat(response.statusCode()).as(what).isNotEqualTo(302);
      var headers = response.headers();
      assertThat(headers.firstValue("Content-Security-Policy"))
          .as(what)
          .hasValueSatisfying(
              csp ->
                  assertThat(csp)
                      .contains("default-src 'self'")
                      .contains("script-src 'none'")
                      .contains("frame-ancestors 'none'"));
      assertThat(headers.firstValue("X-Frame-Options")).as(what).hasValue("DENY");
      assertThat(headers.firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
      assertThat(headers.firstValue("Referrer-Policy")).as(what).hasValue("same-origin");
      if (!path.startsWith("/console/assets/")) {
        // Liberty adds "no-cache=set-cookie" to a response that sets a cookie
        assertThat(headers.firstValue("Cache-Control"))
            .as(what)
            .hasValueSatisfying(cache -> assertThat(cache).startsWith("no-store"));
      }
    }
  }

  @Test
  void no_console_page_breaks_its_content_security_policy() throws Exception {
    browser.driver.executeCdpCommand(
        "Page.addScriptToEvaluateOnNewDocument", Map.of("source", CSP_LISTENER));
    List<String> violations = new ArrayList<>();
    browser.visit(ConsoleSignIn.SIGN_IN);
    violations.addAll(violationsOnThisPage());
    ConsoleSignIn.as(browser, "operator", "operator-demo");
    violations.addAll(violationsOnThisPage());
    for (String page : List.of("/console/catalog.xhtml", DATA_SOURCES)) {
      browser.visit(page);
      violations.addAll(violationsOnThisPage());
    }
    for (String link : List.of("Review queue", "Keys")) {
      browser.submit(browser.driver.findElement(By.partialLinkText(link)));
      violations.addAll(violationsOnThisPage());
    }
    browser.submit(By.id("sign-out"));
    ConsoleSignIn.as(browser, "acme-admin", "acme-admin-demo");
    for (String page : List.of(DATA_SOURCES, NO_CONNECTION, "/console/audit.xhtml")) {
      browser.visit(page);
      violations.addAll(violationsOnThisPage());
    }

    assertThat(violations).isEmpty();
  }

  @Test
  void a_page_of_another_origin_cannot_frame_the_console() throws Exception {
    String id = Consent.pending(acmeAdmin());
    HttpServer other =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    other.createContext(
        "/",
        exchange -> {
          String target =
              exchange.getRequestURI().getPath().equals("/control") ? "/health" : DATA_SOURCES;
          byte[] page =
              ("<!DOCTYPE html><title>another site</title><h1>Win a prize</h1>"
                      + "<iframe id='console' width='1000' height='700' src='"
                      + Api.BASE
                      + target
                      + "'></iframe>")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, page.length);
          exchange.getResponseBody().write(page);
          exchange.close();
        });
    other.start();
    try {
      ConsoleSignIn.as(browser, "acme-admin", "acme-admin-demo");
      browser.visit(DATA_SOURCES);
      assertThat(browser.driver.findElements(By.cssSelector("[data-disconnect='" + id + "']")))
          .as("the page the attack is after")
          .isNotEmpty();
      // Same host, another port: another origin, but the same site, so the session's SameSite=Lax
      // cookies go with the frame's request, as they did in the walkthrough that found this.
      String otherSite = "http://localhost:" + other.getAddress().getPort();

      browser.driver.get(otherSite + "/control");
      browser.await(By.id("console"));
      browser.driver.switchTo().frame("console");
      assertThat(browser.driver.getPageSource())
          .as("control: a page without the headers can be framed from there")
          .contains("status");
      browser.driver.switchTo().defaultContent();

      browser.driver.get(otherSite + "/");
      browser.await(By.id("console"));
      Thread.sleep(1000); // the frame's load, refused or not
      browser.screenshot("framed-by-another-site");
      browser.driver.switchTo().frame("console");
      assertThat(browser.driver.findElements(By.cssSelector("[data-disconnect]"))).isEmpty();
      assertThat(browser.driver.findElements(By.id("sign-out"))).isEmpty();
      assertThat(browser.driver.getPageSource()).doesNotContain(id).doesNotContain("Data sources");
      browser.driver.switchTo().defaultContent();
    } finally {
      other.stop(0);
      Api.delete("/api/v1/connections/" + id, acmeAdmin());
    }
  }

  @Test
  void back_after_sign_out_shows_nothing_of_the_organization() throws Exception {
    String id = Consent.pending(acmeAdmin());
    try {
      ConsoleSignIn.as(browser, "acme-admin", "acme-admin-demo");
      browser.visit(DATA_SOURCES);
      assertThat(browser.driver.getPageSource()).contains(id);

      browser.submit(By.id("sign-out"));
      browser.awaitPath(ConsoleSignIn.SIGN_IN);
      WebElement signedOut = browser.driver.findElement(By.tagName("html"));
      browser.driver.navigate().back();
      new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Duration.ofSeconds(20))
          .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(signedOut));
      browser.awaitPath(ConsoleSignIn.SIGN_IN);

      browser.screenshot("back-after-sign-out");
      assertThat(browser.driver.getPageSource()).doesNotContain(id).doesNotContain("acme");
      assertThat(browser.driver.findElement(By.tagName("h1")).getText())
          .isEqualTo("Sign in to the console");
    } finally {
      Api.delete("/api/v1/connections/" + id, acmeAdmin());
    }
  }

  @Test
  void the_review_queue_and_keys_links_carry_no_faces_token_and_open_the_pages() throws Exception {
    ConsoleSignIn.as(browser, "operator", "operator-demo");
    List<String> hrefs = new ArrayList<>(hrefsOnThisPage());
    browser.visit("/console/catalog.xhtml");
    hrefs.addAll(hrefsOnThisPage());

    assertThat(hrefs).anyMatch(href -> href.endsWith("/console/review.xhtml"));
    assertThat(hrefs).anyMatch(href -> href.endsWith("/console/keys.xhtml"));
    assertThat(hrefs).noneMatch(href -> href.contains("jakarta.faces.Token"));

    browser.submit(browser.driver.findElement(By.id("nav-review")));
    assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Review queue");
    assertThat(browser.driver.getCurrentUrl()).doesNotContain("jakarta.faces.Token");
    browser.submit(browser.driver.findElement(By.linkText("Keys")));
    assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Credential keys");
    assertThat(browser.driver.getCurrentUrl()).doesNotContain("jakarta.faces.Token");

    browser.visit("/console/review.xhtml");
    assertThat(browser.driver.findElement(By.tagName("h1")).getText())
        .as("a typed address")
        .isEqualTo("Open this page from the console");
  }

  private List<String> hrefsOnThisPage() {
    return browser.driver.findElements(By.tagName("a")).stream()
        .map(a -> a.getAttribute("href"))
        .filter(href -> href != null)
        .toList();
  }

  @SuppressWarnings("unchecked")
  private List<String> violationsOnThisPage() throws InterruptedException {
    Thread.sleep(300); // violations are reported asynchronously
    Object seen = browser.driver.executeScript("return window.cspViolations || [];");
    List<String> found = new ArrayList<>();
    for (Object violation : (List<Object>) seen) {
      found.add(browser.path() + ": " + violation);
    }
    return found;
  }

  /** The cookies of a browser of its own, signed in as {@code user}. */
  private static String signedInCookies(String user, String password) throws Exception {
    try (Browser other = Browser.open()) {
      ConsoleSignIn.as(other, user, password);
      return other.cookieHeader();
    }
  }

  private static HttpResponse<String> get(String path, String cookies) throws Exception {
    HttpRequest.Builder request = Api.request(path, null).header("Sec-Fetch-Site", "same-origin");
    if (!cookies.isEmpty()) {
      request.header("Cookie", cookies);
    }
    return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String acmeAdmin() {
    return Api.token("acme", "org-admin");
  }
}
