package it.io.claribi;

import static it.io.claribi.ConsoleSignIn.HOME;
import static it.io.claribi.ConsoleSignIn.SIGN_IN;
import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.testing.InMemoryDirectory;
import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Password guessing on the console's sign-in page, in a real browser: the sixth wrong password for
 * a name within a minute (the default limit of five) is refused without being checked, then even
 * the right one, and every attempt is in the audit trail of the user's organization, read through
 * the REST API. The users are directory users of an organization made for the run, in this JVM's
 * in-memory directory (as in ConsoleLdapSignInIT), so the demo users that other tests sign in with
 * are never locked.
 */
@ExtendWith(BrowserExtension.class)
class ConsoleSignInThrottlingIT {

  private static final String ORG = Api.newOrganization("guard");
  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
  private static final String GUESSED = "gus-" + SUFFIX;
  private static final String GUESSED_PASSWORD = "gus-directory-password";
  private static final String SIGNING_IN = "sal-" + SUFFIX;
  private static final String SIGNING_IN_PASSWORD = "sal-directory-password";
  private static final String BEHIND_SPRAYER = "pat-" + SUFFIX;
  private static final String BEHIND_SPRAYER_PASSWORD = "pat-directory-password";

  private static InMemoryDirectory directory;
  private Browser browser;

  @BeforeAll
  static void directoryAndOrganization() throws Exception {
    directory = InMemoryDirectory.start(Integer.parseInt(System.getProperty("console.ldap.port")));
    directory.addAdmin(GUESSED, GUESSED_PASSWORD, ORG);
    directory.addAdmin(SIGNING_IN, SIGNING_IN_PASSWORD, ORG);
    directory.addAdmin(BEHIND_SPRAYER, BEHIND_SPRAYER_PASSWORD, ORG);
    Api.awaitTokensAccepted(BrowserExtension.SERVER_START);
    Api.Reply provisioned =
        Api.put(
            "/api/v1/organizations/" + ORG,
            Api.token("platform-ops", "platform-operator"),
            "{\"name\":\"" + ORG + "\",\"plan\":\"PROFESSIONAL\",\"reason\":\"sign-in test\"}");
    assertThat(provisioned.status()).as(provisioned.body()).isIn(200, 201);
  }

  @AfterAll
  static void stopDirectory() {
    if (directory != null) {
      directory.close();
    }
  }

  @Test
  void the_sixth_wrong_password_in_a_minute_is_throttled_and_then_even_the_right_one()
      throws Exception {
    for (int i = 1; i <= 5; i++) {
      ConsoleSignIn.attempt(browser, GUESSED, "guess-" + i);
      assertThat(browser.text("messages"))
          .as("wrong password " + i)
          .isEqualTo("The user name or password is not correct.");
    }

    ConsoleSignIn.attempt(browser, GUESSED, "guess-6");
    assertThat(browser.text("messages"))
        .startsWith("Too many failed sign-ins with this user name or from this address.")
        .containsPattern("Try again after \\d\\d:\\d\\d:\\d\\d UTC \\(in \\d+ seconds?\\)\\.");
    assertThat(status()).as("the throttled answer's HTTP status").isEqualTo(429L);
    browser.screenshot("sign-in-throttled");

    ConsoleSignIn.attempt(browser, GUESSED, GUESSED_PASSWORD);
    assertThat(browser.text("messages")).startsWith("Too many failed sign-ins");
    assertThat(browser.path()).startsWith(SIGN_IN);
    assertThat(browser.driver.findElements(By.id("sign-out"))).as("not signed in").isEmpty();

    List<JsonObject> failed = events("?type=CONSOLE_SIGN_IN_FAILED&actor=" + GUESSED);
    assertThat(failed)
        .extracting(e -> e.getJsonObject("details").getString("reason"))
        .containsExactly(
            "WRONG_CREDENTIALS",
            "WRONG_CREDENTIALS",
            "WRONG_CREDENTIALS",
            "WRONG_CREDENTIALS",
            "WRONG_CREDENTIALS",
            "THROTTLED");
    assertThat(failed.subList(0, 5))
        .extracting(e -> e.getJsonObject("details").getString("failures"))
        .containsExactly("1", "2", "3", "4", "5");
    assertThat(Instant.parse(failed.get(5).getJsonObject("details").getString("retryAfter")))
        .isAfter(Instant.now());
    assertThat(failed).allSatisfy(e -> assertThat(e.getString("clientAddress")).isNotBlank());
    assertThat(events("?type=CONSOLE_SIGN_IN&actor=" + GUESSED))
        .as("the right password while throttled is no sign-in")
        .isEmpty();
    String log = java.nio.file.Files.readString(LibertyServer.underTest().messagesLog());
    assertThat(log)
        .contains("Console sign-in failed for '" + GUESSED + "'")
        .contains("Console sign-in for '" + GUESSED + "'")
        .as("no password in the log")
        .doesNotContain("guess-1")
        .doesNotContain(GUESSED_PASSWORD);
    JsonObject verified = Api.get("/api/v1/audit/verify", admin()).json();
    assertThat(verified.getBoolean("intact")).as(verified.toString()).isTrue();
  }

  @Test
  void a_sign_in_is_in_the_audit_trail_of_the_users_organization() throws Exception {
    ConsoleSignIn.attempt(browser, SIGNING_IN, "not-the-password");
    ConsoleSignIn.attempt(browser, SIGNING_IN, SIGNING_IN_PASSWORD);
    browser.awaitPath(HOME);

    List<JsonObject> events = events("?actor=" + SIGNING_IN);
    assertThat(events)
        .extracting(e -> e.getString("type"))
        .containsExactly("CONSOLE_SIGN_IN_FAILED", "CONSOLE_SIGN_IN");
    assertThat(events).allSatisfy(e -> assertThat(e.getString("organization")).isEqualTo(ORG));
  }

  /**
   * Per client address: from another loopback address (127.0.0.2, so the other tests' address is
   * not locked), twenty wrong passwords for twenty different names, then the twenty-first name is
   * refused unchecked, and so is a right password of another user from there.
   */
  @Test
  void the_twenty_first_wrong_password_from_one_address_in_a_minute_is_throttled()
      throws Exception {
    InetAddress from = InetAddress.getByName("127.0.0.2");
    for (int i = 1; i <= 20; i++) {
      RawSignIn attempt = RawSignIn.from(from, "sprayed-" + SUFFIX + "-" + i, "guess");
      assertThat(attempt.status).as("attempt " + i).isEqualTo(200);
      assertThat(attempt.body).contains("The user name or password is not correct.");
    }

    RawSignIn refused = RawSignIn.from(from, "sprayed-" + SUFFIX + "-21", "guess");
    assertThat(refused.status).isEqualTo(429);
    assertThat(refused.headers).containsPattern("(?i)retry-after: \\d+");
    assertThat(refused.body).contains("Too many failed sign-ins");
    RawSignIn right = RawSignIn.from(from, BEHIND_SPRAYER, BEHIND_SPRAYER_PASSWORD);
    assertThat(right.status).as("a right password from that address").isEqualTo(429);
  }

  /**
   * One sign-in through the form over a plain socket bound to a chosen local address: the sign-in
   * page (for its session and view state), then the form's post.
   */
  private record RawSignIn(int status, String headers, String body) {

    static RawSignIn from(InetAddress local, String user, String password) throws Exception {
      RawSignIn page = exchange(local, "GET " + SIGN_IN + " HTTP/1.0\r\n", "", null);
      java.util.regex.Matcher session =
          java.util.regex.Pattern.compile("(?i)set-cookie: (JSESSIONID=[^;\r\n]+)")
              .matcher(page.headers);
      java.util.regex.Matcher state =
          java.util.regex.Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"")
              .matcher(page.body);
      assertThat(session.find()).as(page.headers).isTrue();
      assertThat(state.find()).as(page.body).isTrue();
      String form =
          "sign-in_SUBMIT=1&username="
              + encode(user)
              + "&password="
              + encode(password)
              + "&submit=Sign+in&jakarta.faces.ViewState="
              + encode(state.group(1).replace("&#x3a;", ":").replace("&#58;", ":"));
      return exchange(
          local,
          "POST " + SIGN_IN + " HTTP/1.0\r\n",
          "Cookie: " + session.group(1) + "\r\nContent-Type: application/x-www-form-urlencoded\r\n",
          form);
    }

    private static String encode(String value) {
      return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static RawSignIn exchange(InetAddress local, String line, String headers, String body)
        throws Exception {
      URI base = URI.create(Api.BASE);
      byte[] content =
          body == null ? new byte[0] : body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      try (Socket socket = new Socket()) {
        socket.bind(new InetSocketAddress(local, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 5000);
        socket.setSoTimeout(20_000);
        String request =
            line
                + "Host: "
                + base.getAuthority()
                + "\r\n"
                + headers
                + "Content-Length: "
                + content.length
                + "\r\nConnection: close\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        socket.getOutputStream().write(content);
        String answer =
            new String(
                socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int split = answer.indexOf("\r\n\r\n");
        String head = answer.substring(0, split);
        int status = Integer.parseInt(head.substring(9, 12));
        return new RawSignIn(status, head, answer.substring(split + 4));
      }
    }
  }

  /** The HTTP status of the page the browser shows (Navigation Timing). */
  private long status() {
    return (Long)
        ((JavascriptExecutor) browser.driver)
            .executeScript("return performance.getEntriesByType('navigation')[0].responseStatus;");
  }

  private static List<JsonObject> events(String query) {
    Api.Reply reply = Api.get("/api/v1/audit/events" + query, admin());
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json().getJsonArray("events").getValuesAs(JsonObject.class);
  }

  private static String admin() {
    return Api.token(ORG, "org-admin");
  }
}
