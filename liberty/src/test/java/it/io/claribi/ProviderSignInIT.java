package it.io.claribi;

import static it.io.claribi.ConsoleSignIn.HOME;
import static it.io.claribi.ConsoleSignIn.SIGN_IN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's sign-in with an OpenID Connect provider (decision 50), through Keycloak's real
 * login page in headless Chromium, on the server configured for Keycloak ({@link
 * KeycloakTrustingServer}): who gets in and as what, who is refused and how it looks, sign-out at
 * both ends, and the attacks on the callback (a foreign or replayed {@code state}, a planted
 * session id, a return address off the console). The attacker's side of the attacks is an HTTP
 * client that signs in at Keycloak's login form like a browser and stops before the callback.
 */
@ExtendWith(BrowserExtension.class)
class ProviderSignInIT {

  private static final String BASE = KeycloakTrustingServer.BASE;
  private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>");
  private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");

  private static Keycloak keycloak;

  private Browser browser;

  @BeforeAll
  static void keycloakAndTheServerThatTrustsIt() throws Exception {
    assumeTrue(
        "postgresql".equals(System.getProperty("claribi.db.kind")),
        "PostgreSQL profile only: the second server shares the first one's database");
    keycloak = KeycloakTrustingServer.started().keycloak;
  }

  @Test
  void an_admin_signs_in_at_keycloak_and_sees_only_her_organization() throws Exception {
    browser.driver.get(BASE + HOME);
    awaitUrl(BASE + SIGN_IN);
    assertThat(browser.driver.findElements(By.id("sign-in")))
        .as("no password form: the console signs in with the provider only")
        .isEmpty();
    assertThat(browser.text("sign-in-with-provider")).isEqualTo("Sign in with Keycloak");
    browser.screenshot("provider-sign-in");

    browser.submit(By.id("sign-in-with-provider"));
    awaitUrl(Keycloak.BASE);
    browser.screenshot("provider-login-page");
    signInAtKeycloak("alice");

    awaitUrl(BASE + HOME);
    assertThat(browser.text("signed-in-as")).isEqualTo("Signed in as alice");
    assertThat(browser.text("organization")).endsWith("(" + keycloak.organizationA + ")");
    browser.screenshot("provider-signed-in");
    List<JsonObject> signIns =
        Api.get(
                "/api/v1/audit/events?type=CONSOLE_SIGN_IN&actor=alice",
                Api.token(keycloak.organizationA, "org-admin"))
            .json()
            .getJsonArray("events")
            .getValuesAs(JsonObject.class);
    assertThat(signIns).as("the sign-in is in her organization's audit trail").isNotEmpty();
  }

  @Test
  void a_provider_group_mapped_to_the_admin_role_makes_an_admin() {
    startAtTheConsole();
    signInAtKeycloak("carl");

    awaitUrl(BASE + HOME);
    assertThat(browser.text("signed-in-as")).isEqualTo("Signed in as carl");
    assertThat(browser.text("organization")).endsWith("(" + keycloak.organizationA + ")");
  }

  @Test
  void an_operator_sees_the_operator_pages() {
    startAtTheConsole();
    signInAtKeycloak("olga");

    awaitUrl(BASE + HOME);
    browser.submit(By.id("nav-review"));
    awaitUrl(BASE + "/console/review.xhtml");
    assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Review queue");
  }

  @Test
  void a_user_without_an_organization_is_refused_with_a_clear_page_and_no_session()
      throws Exception {
    startAtTheConsole();
    signInAtKeycloak("nora");

    awaitUrl(BASE + SIGN_IN + "?refused=no-organization");
    assertThat(browser.text("refused")).contains("names no organization");
    browser.screenshot("provider-refused-no-organization");
    assertSignedOut();
  }

  @Test
  void a_user_without_a_console_role_is_refused_with_a_clear_page_and_no_session() {
    startAtTheConsole();
    signInAtKeycloak("rolf");

    awaitUrl(BASE + SIGN_IN + "?refused=no-role");
    assertThat(browser.text("refused")).contains("no console role");
    assertSignedOut();
  }

  @Test
  void signing_out_ends_the_console_session_and_the_one_at_keycloak() throws Exception {
    startAtTheConsole();
    signInAtKeycloak("alice");
    awaitUrl(BASE + HOME);
    String cookiesBeforeSignOut = browser.cookieHeader();

    browser.submit(By.id("sign-out"));

    awaitUrl(BASE + SIGN_IN + "?signed-out=true");
    assertThat(browser.text("signed-out")).isEqualTo("You have signed out.");
    HttpResponse<String> replayed = get(HttpClient.newHttpClient(), HOME, cookiesBeforeSignOut);
    assertThat(replayed.statusCode()).as("the old cookies after sign-out").isEqualTo(302);
    assertThat(replayed.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).contains(SIGN_IN));
    browser.submit(By.id("sign-in-with-provider"));
    awaitUrl(Keycloak.BASE);
    assertThat(browser.driver.findElements(By.id("username")))
        .as("Keycloak asks for the password again: its session ended too")
        .isNotEmpty();
  }

  @Test
  void a_callback_for_another_browsers_sign_in_is_refused() throws Exception {
    String attackersCallback = new Attacker().callbackAfterSigningIn("bruno");

    // login CSRF: the victim's browser is sent to the attacker's callback
    browser.driver.get(attackersCallback);
    awaitUrl(BASE + SIGN_IN + "?refused=state");
    assertThat(browser.text("refused")).contains("could not be matched");
    assertSignedOut();

    // ...also while the victim's own sign-in is under way
    startAtTheConsole();
    awaitUrl(Keycloak.BASE);
    browser.driver.get(attackersCallback);
    awaitUrl(BASE + SIGN_IN + "?refused=state");
    assertSignedOut();
  }

  @Test
  void a_forged_state_is_refused() {
    startAtTheConsole();
    awaitUrl(Keycloak.BASE);

    browser.driver.get(
        BASE + "/console/oidc/callback?code=forged&state=forged&iss=" + encode(Keycloak.ISSUER));

    awaitUrl(BASE + SIGN_IN + "?refused=state");
    assertSignedOut();
  }

  @Test
  void a_callback_works_once_and_the_session_id_changes_at_sign_in() throws Exception {
    Attacker client = new Attacker();
    String callback = client.callbackAfterSigningIn("bruno");
    String sessionBefore = client.session();

    HttpResponse<String> first = client.get(callback);
    assertThat(first.statusCode()).isEqualTo(302);
    assertThat(first.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).endsWith(HOME));
    assertThat(client.get(BASE + HOME).statusCode()).as("signed in").isEqualTo(200);
    assertThat(client.session()).as("a new session id").isNotEqualTo(sessionBefore);
    HttpResponse<String> fixated =
        get(HttpClient.newHttpClient(), HOME, "JSESSIONID=" + sessionBefore);
    assertThat(fixated.statusCode()).as("the session id from before the sign-in").isEqualTo(302);

    HttpResponse<String> replayed = client.get(callback);
    assertThat(replayed.statusCode()).isEqualTo(302);
    assertThat(replayed.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).endsWith(SIGN_IN + "?refused=state"));
  }

  @Test
  void after_sign_in_the_browser_stays_on_the_console() throws Exception {
    browser.driver.get(BASE + SIGN_IN);
    browser.driver.manage().addCookie(new Cookie("WASReqURL", "http://evil.example/steal"));
    browser.submit(By.id("sign-in-with-provider"));
    signInAtKeycloak("alice");
    awaitUrl(BASE + HOME);

    HttpResponse<String> start =
        get(
            HttpClient.newHttpClient(),
            "/console/oidc/start?redirect_uri=" + encode("http://evil.example/cb"),
            "");
    String location = start.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(Keycloak.ISSUER + "/protocol/openid-connect/auth?");
    assertThat(location)
        .contains("redirect_uri=" + encode(BASE + "/console/oidc/callback"))
        .doesNotContain("evil.example")
        .contains("code_challenge_method=S256")
        .contains("nonce=")
        .contains("state=");
  }

  /** From the console's home page, signed out: the sign-in page, then its provider button. */
  private void startAtTheConsole() {
    browser.driver.get(BASE + HOME);
    awaitUrl(BASE + SIGN_IN);
    browser.submit(By.id("sign-in-with-provider"));
  }

  /** Fills in Keycloak's login page, which the browser is on or is being sent to. */
  private void signInAtKeycloak(String user) {
    awaitUrl(Keycloak.BASE);
    browser.await(By.id("username")).sendKeys(user);
    browser.driver.findElement(By.id("password")).sendKeys(user + "-password");
    browser.submit(By.id("kc-login"));
  }

  private void assertSignedOut() {
    browser.driver.get(BASE + HOME);
    awaitUrl(BASE + SIGN_IN);
    assertThat(browser.driver.findElements(By.id("signed-in-as"))).isEmpty();
  }

  private void awaitUrl(String prefix) {
    new WebDriverWait(browser.driver, Duration.ofSeconds(20))
        .withMessage(() -> "on " + browser.driver.getCurrentUrl())
        .until(ExpectedConditions.urlMatches("^" + Pattern.quote(prefix) + ".*"));
  }

  private static HttpResponse<String> get(HttpClient http, String path, String cookies)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(20));
    if (!cookies.isEmpty()) {
      request.header("Cookie", cookies);
    }
    return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /**
   * Someone with their own cookie jar who starts a console sign-in, signs in at Keycloak's login
   * form, and keeps the callback URL Keycloak sends back instead of following it. The jar is kept
   * by hand: Keycloak marks its cookies {@code Secure}, which a browser sends to a loopback address
   * over plain HTTP and {@link java.net.CookieManager} does not.
   */
  private static final class Attacker {

    private final Map<String, Map<String, String>> jar = new HashMap<>();
    private final HttpClient http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    String callbackAfterSigningIn(String user) throws Exception {
      String authorization = location(get(BASE + "/console/oidc/start"));
      HttpResponse<String> page = get(authorization);
      assertThat(page.statusCode()).as("Keycloak's login page").isEqualTo(200);
      Matcher form = LOGIN_FORM.matcher(page.body());
      assertThat(form.find()).as("a login form in " + page.body()).isTrue();
      Matcher action = ACTION.matcher(form.group());
      assertThat(action.find()).isTrue();
      String login = action.group(1).replace("&amp;", "&");
      HttpResponse<String> signedIn =
          send(
              HttpRequest.newBuilder(URI.create(login))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "username=" + encode(user) + "&password=" + encode(user + "-password"))));
      String callback = location(signedIn);
      assertThat(callback).startsWith(BASE + "/console/oidc/callback?");
      return callback;
    }

    HttpResponse<String> get(String url) throws IOException, InterruptedException {
      return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request)
        throws IOException, InterruptedException {
      URI uri = request.build().uri();
      Map<String, String> cookies = jar.computeIfAbsent(uri.getAuthority(), key -> new HashMap<>());
      if (!cookies.isEmpty()) {
        request.header(
            "Cookie",
            cookies.entrySet().stream()
                .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                .collect(Collectors.joining("; ")));
      }
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(20)).build(),
              HttpResponse.BodyHandlers.ofString());
      for (String set : response.headers().allValues("Set-Cookie")) {
        String[] pair = set.split(";", 2)[0].split("=", 2);
        boolean expired = set.toLowerCase(java.util.Locale.ROOT).contains("max-age=0");
        if (pair.length < 2 || pair[1].isEmpty() || expired) {
          cookies.remove(pair[0].strip());
        } else {
          cookies.put(pair[0].strip(), pair[1].strip());
        }
      }
      return response;
    }

    /** This client's console session id. */
    String session() {
      String value = jar.getOrDefault(URI.create(BASE).getAuthority(), Map.of()).get("JSESSIONID");
      if (value == null) {
        throw new AssertionError("no console session cookie in " + jar);
      }
      return value;
    }

    private static String location(HttpResponse<String> response) {
      assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(302);
      return response.headers().firstValue("Location").orElseThrow();
    }
  }
}
