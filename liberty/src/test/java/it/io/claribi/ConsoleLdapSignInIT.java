package it.io.claribi;

import static it.io.claribi.ConsoleSignIn.HOME;
import static it.io.claribi.ConsoleSignIn.SIGN_IN;
import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.testing.InMemoryDirectory;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Console sign-in against an LDAP directory, in a real browser (decision 27): this JVM runs an
 * in-memory directory on the loopback port {@code console.ldap.port}, which liberty/pom.xml points
 * the test server at ({@code CLARIBI_CONSOLE_LDAP_*}). Screenshots go to {@code
 * target/screenshots/ldap-*.png}.
 */
@ExtendWith(BrowserExtension.class)
class ConsoleLdapSignInIT {

  private static InMemoryDirectory directory;
  private Browser browser;

  @BeforeAll
  static void startDirectory() throws Exception {
    directory = InMemoryDirectory.start(port());
  }

  @AfterAll
  static void stopDirectory() {
    if (directory != null) {
      directory.close();
    }
  }

  @Test
  void a_directory_admin_of_acme_sees_the_plan_of_acme() throws Exception {
    JsonObject acme = Api.get("/api/v1/organization", Api.token("acme", "org-admin")).json();

    ConsoleSignIn.attempt(
        browser, InMemoryDirectory.ACME_ADMIN, InMemoryDirectory.ACME_ADMIN_PASSWORD);

    browser.awaitPath(HOME);
    assertThat(browser.text("signed-in-as"))
        .isEqualTo("Signed in as " + InMemoryDirectory.ACME_ADMIN);
    assertThat(browser.text("organization")).endsWith("(acme)");
    assertThat(browser.text("plan")).isEqualTo(ConsoleSignIn.planName(acme.getString("plan")));
    browser.screenshot("ldap-plan-and-usage");

    browser.visit("/console/data-sources.xhtml");
    assertThat(browser.path()).startsWith("/console/data-sources.xhtml");
    assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Data sources");
  }

  @Test
  void a_wrong_directory_password_shows_the_usual_message() throws Exception {
    ConsoleSignIn.attempt(browser, InMemoryDirectory.ACME_ADMIN, "not-the-password");

    assertThat(browser.text("messages")).isEqualTo("The user name or password is not correct.");
    assertThat(browser.path()).startsWith(SIGN_IN);
    assertThat(browser.driver.findElements(By.id("sign-out"))).isEmpty();
    browser.screenshot("ldap-wrong-password");
  }

  @Test
  void a_directory_user_in_neither_console_group_cannot_sign_in() throws Exception {
    ConsoleSignIn.attempt(browser, "nils", "nils-password");

    assertThat(browser.text("messages")).isEqualTo("The user name or password is not correct.");
    assertThat(browser.driver.findElements(By.id("sign-out"))).isEmpty();
  }

  @Test
  void a_directory_that_is_down_is_named_on_the_sign_in_page() throws Exception {
    directory.close();
    try {
      ConsoleSignIn.attempt(
          browser, InMemoryDirectory.ACME_ADMIN, InMemoryDirectory.ACME_ADMIN_PASSWORD);

      assertThat(browser.text("messages")).startsWith("The directory could not be reached");
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
}
