package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.testing.InMemoryDirectory;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Console sign-in against an LDAP directory, in a real browser (decision 27): this JVM runs an
 * in-memory directory on the loopback port {@code console.ldap.port}, which liberty/pom.xml points
 * the test server at ({@code CLARIBI_CONSOLE_LDAP_*}). Screenshots go to {@code
 * target/screenshots/ldap-*.png}.
 */
class ConsoleLdapSignInIT {

  private static final String SIGN_IN = "/console/sign-in.xhtml";
  private static final String HOME = "/console/index.xhtml";

  private static InMemoryDirectory directory;
  private Browser browser;

  @BeforeAll
  static void startDirectory() throws Exception {
    Api.awaitTokensAccepted(Duration.ofSeconds(60));
    directory = InMemoryDirectory.start(port());
  }

  @AfterAll
  static void stopDirectory() {
    if (directory != null) {
      directory.close();
    }
  }

  @BeforeEach
  void openBrowser() throws Exception {
    browser = Browser.open();
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  @Test
  void a_directory_admin_of_acme_sees_the_plan_of_acme() throws Exception {
    JsonObject acme = Api.get("/api/v1/organization", Api.token("acme", "org-admin")).json();

    signIn(InMemoryDirectory.ACME_ADMIN, InMemoryDirectory.ACME_ADMIN_PASSWORD);

    browser.awaitPath(HOME);
    assertThat(text("signed-in-as")).isEqualTo("Signed in as " + InMemoryDirectory.ACME_ADMIN);
    assertThat(text("organization")).endsWith("(acme)");
    assertThat(text("plan")).isEqualTo(acme.getString("plan"));
    browser.screenshot("ldap-plan-and-usage");

    browser.visit("/console/data-sources.xhtml");
    assertThat(browser.path()).startsWith("/console/data-sources.xhtml");
    assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Data sources");
  }

  @Test
  void a_wrong_directory_password_shows_the_usual_message() throws Exception {
    signIn(InMemoryDirectory.ACME_ADMIN, "not-the-password");

    assertThat(text("messages")).isEqualTo("The user name or password is not correct.");
    assertThat(browser.path()).startsWith(SIGN_IN);
    assertThat(browser.driver.findElements(By.id("sign-out"))).isEmpty();
    browser.screenshot("ldap-wrong-password");
  }

  @Test
  void a_directory_user_in_neither_console_group_cannot_sign_in() throws Exception {
    signIn("nils", "nils-password");

    assertThat(text("messages")).isEqualTo("The user name or password is not correct.");
    assertThat(browser.driver.findElements(By.id("sign-out"))).isEmpty();
  }

  @Test
  void a_directory_that_is_down_is_named_on_the_sign_in_page() throws Exception {
    directory.close();
    try {
      signIn(InMemoryDirectory.ACME_ADMIN, InMemoryDirectory.ACME_ADMIN_PASSWORD);

      assertThat(text("messages")).startsWith("The directory could not be reached");
      assertThat(browser.path()).startsWith(SIGN_IN);
      assertThat(browser.driver.getPageSource()).doesNotContain("Exception");
      browser.screenshot("ldap-directory-down");
    } finally {
      directory = InMemoryDirectory.start(port());
    }
  }

  private static int port() {
    return Integer.parseInt(System.getProperty("console.ldap.port"));
  }

  private void signIn(String user, String password) {
    browser.visit(SIGN_IN);
    browser.await(By.id("username")).sendKeys(user);
    browser.driver.findElement(By.id("password")).sendKeys(password);
    browser.submit(By.id("submit"));
  }

  private String text(String id) {
    return browser.driver.findElement(By.id(id)).getText().strip();
  }
}
