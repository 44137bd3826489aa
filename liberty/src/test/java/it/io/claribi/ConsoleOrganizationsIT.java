package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Plans without curl: a platform operator changes an organization's plan on the console's
 * Organizations page, only with a reason, and the organization's admin sees the new plan; the
 * change is in the organization's audit trail with that reason. Nobody but an operator opens the
 * page.
 */
@ExtendWith(BrowserExtension.class)
class ConsoleOrganizationsIT {

  @RegisterExtension static final AcmePlan acmePlan = AcmePlan.during("STARTER");

  private static final String PAGE = "/console/organizations.xhtml";

  @Test
  void an_operator_changes_a_plan_only_with_a_reason_and_the_admin_sees_it(Browser browser)
      throws Exception {
    ConsoleSignIn.as(browser, "operator", "operator-demo");
    browser.submit(browser.driver.findElement(By.linkText("Organizations")));
    assertThat(acme(browser).getAttribute("data-plan")).isEqualTo("STARTER");
    assertThat(acme(browser).findElement(By.cssSelector("td.plan")).getText()).isEqualTo("Starter");

    browser.submit(acme(browser).findElement(By.cssSelector("[data-change-plan=acme]")));
    new Select(acme(browser).findElement(By.cssSelector("[data-field=plan]")))
        .selectByValue("PROFESSIONAL");
    browser.submit(acme(browser).findElement(By.cssSelector("[data-save-plan=acme]")));

    assertThat(browser.text("notice")).contains("Give a reason");
    assertThat(
            acme(browser)
                .findElement(By.cssSelector("[data-field=reason]"))
                .getAttribute("aria-invalid"))
        .isEqualTo("true");
    assertThat(planOfAcme()).as("nothing changed without a reason").isEqualTo("STARTER");

    String reason = "Order form 4711 signed <b>today</b>";
    new Select(acme(browser).findElement(By.cssSelector("[data-field=plan]")))
        .selectByValue("PROFESSIONAL");
    acme(browser).findElement(By.cssSelector("[data-field=reason]")).sendKeys(reason);
    browser.screenshot("organizations-change-plan");
    browser.submit(acme(browser).findElement(By.cssSelector("[data-save-plan=acme]")));

    assertThat(browser.text("notice")).endsWith("moved from Starter to Professional.");
    assertThat(acme(browser).getAttribute("data-plan")).isEqualTo("PROFESSIONAL");
    assertThat(planOfAcme()).isEqualTo("PROFESSIONAL");
    Api.Reply trail =
        Api.get("/api/v1/audit/events?format=jsonl", Api.token(AcmePlan.ORG, "org-admin"));
    assertThat(trail.body().lines().filter(line -> line.contains("PLAN_CHANGED")))
        .as("the change in acme's trail, with its reason")
        .anySatisfy(line -> assertThat(line).contains("Order form 4711").contains("PROFESSIONAL"));

    browser.submit(browser.driver.findElement(By.id("sign-out")));
    ConsoleSignIn.as(browser, "acme-admin", "acme-admin-demo");
    assertThat(browser.text("plan")).isIn("Professional", "PROFESSIONAL");
  }

  @Test
  void an_org_admin_is_refused_the_page(Browser browser) throws Exception {
    ConsoleSignIn.as(browser, "acme-admin", "acme-admin-demo");
    assertThat(browser.driver.findElements(By.linkText("Organizations"))).isEmpty();

    browser.visit(PAGE);

    assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
    assertThat(browser.driver.getPageSource()).doesNotContain("data-organization");
  }

  private static WebElement acme(Browser browser) {
    return browser.driver.findElement(By.cssSelector("tr[data-organization=acme]"));
  }

  private static String planOfAcme() {
    return Api.get("/api/v1/organization", Api.token(AcmePlan.ORG, "org-admin"))
        .json()
        .getString("plan");
  }
}
