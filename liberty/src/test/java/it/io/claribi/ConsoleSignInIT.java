package it.io.claribi;

import static it.io.claribi.ConsoleSignIn.HOME;
import static it.io.claribi.ConsoleSignIn.SIGN_IN;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * The console's sign-in in a real browser against the running server (decision 26): the demo
 * organization admin of {@code acme} (liberty/pom.xml enables the development users; README names
 * them), a wrong password, the session cookies, sign-out, and the REST API next to it. Screenshots
 * of each page go to {@code target/screenshots/}.
 */
@ExtendWith(BrowserExtension.class)
class ConsoleSignInIT {

  private static final String ADMIN = "acme-admin";
  private static final String ADMIN_PASSWORD = "acme-admin-demo";

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private Browser browser;

  @Test
  void a_signed_out_visit_lands_on_the_sign_in_page() throws Exception {
    browser.visit(HOME);

    browser.awaitPath(SIGN_IN);
    assertThat(browser.driver.findElement(By.tagName("h1")).getText())
        .isEqualTo("Sign in to the console");
    browser.screenshot("sign-in");
  }

  @Test
  void a_wrong_password_shows_the_message() throws Exception {
    ConsoleSignIn.attempt(browser, ADMIN, "not-the-password");

    assertThat(browser.driver.findElement(By.id("messages")).getText())
        .contains("The user name or password is not correct.");
    assertThat(browser.path()).startsWith(SIGN_IN);
    assertThat(browser.driver.findElements(By.id("sign-out"))).isEmpty();
    browser.screenshot("wrong-password");
  }

  @Test
  void the_demo_admin_sees_the_plan_and_tool_call_usage_of_acme() throws Exception {
    JsonObject acme = Api.get("/api/v1/organization", Api.token("acme", "org-admin")).json();

    ConsoleSignIn.attempt(browser, ADMIN, ADMIN_PASSWORD);

    browser.awaitPath(HOME);
    assertThat(browser.text("signed-in-as")).isEqualTo("Signed in as " + ADMIN);
    assertThat(browser.text("organization")).endsWith("(acme)");
    assertThat(browser.text("plan")).isEqualTo(ConsoleSignIn.planName(acme.getString("plan")));
    JsonObject toolCalls = acme.getJsonObject("toolCalls");
    assertThat(browser.text("tool-calls-used"))
        .isEqualTo(ConsoleSignIn.count(toolCalls.getJsonNumber("used").longValue()));
    assertThat(browser.text("tool-calls-limit"))
        .isEqualTo(ConsoleSignIn.count(toolCalls.getJsonNumber("limit").longValue()));
    browser.screenshot("plan-and-usage");

    HttpResponse<String> page = withBrowserCookies(HOME);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(page.body()).contains("Plan and usage");
  }

  @Test
  void the_session_cookies_are_http_only_and_same_site() throws Exception {
    ConsoleSignIn.attempt(browser, ADMIN, ADMIN_PASSWORD);
    browser.awaitPath(HOME);

    for (String name : new String[] {"JSESSIONID", "LtpaToken2"}) {
      Cookie cookie = browser.cookie(name);
      assertThat(cookie.isHttpOnly()).as(name + " HttpOnly").isTrue();
      assertThat(cookie.getSameSite()).as(name + " SameSite").isEqualTo("Lax");
    }
  }

  @Test
  void signing_out_ends_the_session() throws Exception {
    ConsoleSignIn.attempt(browser, ADMIN, ADMIN_PASSWORD);
    browser.awaitPath(HOME);
    String cookiesBeforeSignOut = browser.cookieHeader();

    browser.submit(By.id("sign-out"));

    browser.awaitPath(SIGN_IN);
    assertThat(browser.text("signed-out")).isEqualTo("You have signed out.");
    browser.screenshot("signed-out");
    browser.visit(HOME);
    browser.awaitPath(SIGN_IN);
    HttpResponse<String> replayed = send(HOME, cookiesBeforeSignOut);
    assertThat(replayed.statusCode()).as("the old cookies after sign-out").isEqualTo(302);
    assertThat(replayed.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).endsWith(SIGN_IN));
  }

  @Test
  void a_bearer_token_calls_the_api_and_a_console_session_does_not() throws Exception {
    Api.Reply withToken = Api.get("/api/v1/organization", Api.token("acme", "org-admin"));
    assertThat(withToken.status()).isEqualTo(200);
    assertThat(withToken.json().getString("id")).isEqualTo("acme");

    ConsoleSignIn.attempt(browser, ADMIN, ADMIN_PASSWORD);
    browser.awaitPath(HOME);
    HttpResponse<String> withSession = withBrowserCookies("/api/v1/organization");

    assertThat(withSession.statusCode()).isEqualTo(401);
    assertThat(withSession.body()).contains("\"code\":\"AUTHENTICATION_REQUIRED\"");
  }

  private HttpResponse<String> withBrowserCookies(String path) throws Exception {
    return send(path, browser.cookieHeader());
  }

  private static HttpResponse<String> send(String path, String cookies) throws Exception {
    HttpRequest request = Api.request(path, null).header("Cookie", cookies).GET().build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
