package it.io.claribi;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/** Signing a browser in to the console, and tampering with a page's forms as an attacker would. */
final class ConsoleSignIn {

  static final String SIGN_IN = "/console/sign-in.xhtml";
  static final String HOME = "/console/index.xhtml";

  private ConsoleSignIn() {}

  /** Signs in from the sign-in page and waits for the console's home page. */
  static void as(Browser browser, String user, String password) {
    attempt(browser, user, password);
    browser.awaitPath(HOME);
  }

  /** Opens the sign-in page and submits the form, wherever that leads. */
  static void attempt(Browser browser, String user, String password) {
    browser.visit(SIGN_IN);
    fillIn(browser, user, password);
  }

  /** Fills in and submits the sign-in form of the page the browser is on. */
  static void fillIn(Browser browser, String user, String password) {
    browser.await(By.id("username")).sendKeys(user);
    browser.driver.findElement(By.id("password")).sendKeys(password);
    browser.submit(By.id("submit"));
  }

  /**
   * Changes one character of the view state of every form on the page: a well-formed value the
   * server never issued, as an attacker who saw another page's value would send.
   */
  static void forgeViewState(Browser browser) {
    ((JavascriptExecutor) browser.driver)
        .executeScript(
            "document.querySelectorAll(\"input[name='jakarta.faces.ViewState']\").forEach(input =>"
                + " { const v = input.value, i = v.length >> 1;"
                + " input.value = v.slice(0, i) + (v[i] === 'A' ? 'B' : 'A') + v.slice(i + 1); });");
  }

  /** Replaces the view state of every form on the page with text that is no view state at all. */
  static void garbleViewState(Browser browser) {
    ((JavascriptExecutor) browser.driver)
        .executeScript(
            "document.querySelectorAll(\"input[name='jakarta.faces.ViewState']\")"
                + ".forEach(input => input.value = '<not a view state>');");
  }

  /** Removes the view state from every form on the page, as a cross-site form would lack it. */
  static void dropViewState(Browser browser) {
    ((JavascriptExecutor) browser.driver)
        .executeScript(
            "document.querySelectorAll(\"input[name='jakarta.faces.ViewState']\")"
                + ".forEach(input => input.remove());");
  }

  /** A plan as the console names it: {@code PROFESSIONAL} is "Professional". */
  static String planName(String code) {
    String lower = code.toLowerCase(java.util.Locale.ROOT);
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }

  /** A count as the console writes it: 250000 is "250,000". */
  static String count(long value) {
    return String.format(java.util.Locale.US, "%,d", value);
  }
}
