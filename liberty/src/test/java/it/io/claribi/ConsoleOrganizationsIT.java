package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
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
 * page. An admin asks for a larger plan from Plan and usage; the operators see the request with a
 * count in their menu, grant it by changing the plan or decline it with a reason the admin reads.
 */
@ExtendWith(BrowserExtension.class)
class ConsoleOrganizationsIT {

  @RegisterExtension static final AcmePlan acmePlan = AcmePlan.during("STARTER");

  private static final String PAGE = "/console/organizations.xhtml";

  /** Each test starts from Starter (granting a request moves acme up). */
  @BeforeEach
  void onStarter() {
    acmePlan.set("STARTER");
  }

  @Test
  void an_operator_changes_a_plan_only_with_a_reason_and_the_admin_sees_it(Browser browser)
      throws Exception {
    ConsoleSignIn.as(browser, "operator", "operator-demo");
    browser.submit(browser.driver.findElement(By.id("nav-organizations")));
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
    assertThat(browser.text("plan")).isEqualTo("Professional");
  }

  @Test
  void an_org_admin_is_refused_the_page(Browser browser) throws Exception {
    ConsoleSignIn.as(browser, "acme-admin", "acme-admin-demo");
    assertThat(browser.driver.findElements(By.id("nav-organizations"))).isEmpty();

    browser.visit(PAGE);

    assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
    assertThat(browser.driver.getPageSource()).doesNotContain("data-organization");
  }

  @Test
  void an_admins_request_for_a_plan_reaches_the_operator_who_grants_it(Browser browser)
      throws Exception {
    assertThat(planOfAcme()).isEqualTo("STARTER");
    ConsoleSignIn.as(browser, "acme-admin", "acme-admin-demo");
    WebElement professional = offer(browser, "PROFESSIONAL");
    assertThat(professional.getText()).contains("Audit trail").contains("250,000");
    browser.submit(professional.findElement(By.cssSelector("[data-ask=PROFESSIONAL]")));
    browser
        .driver
        .findElement(By.cssSelector("[data-field=request-message]"))
        .sendKeys("We need the audit trail");
    browser.submit(browser.driver.findElement(By.cssSelector("[data-send-request]")));

    assertThat(browser.text("notice")).contains("request for the Professional plan was sent");
    assertThat(browser.text("open-request")).startsWith("You asked for the Professional plan on");
    assertThat(offer(browser, "PROFESSIONAL").findElement(By.cssSelector("[data-ask]")).isEnabled())
        .isFalse();
    browser.screenshot("plan-request-sent");
    browser.submit(browser.driver.findElement(By.id("sign-out")));

    ConsoleSignIn.as(browser, "operator", "operator-demo");
    assertThat(browser.driver.findElement(By.tagName("h1")).getText())
        .as("an operator lands on what waits for them, not on their own plan")
        .isEqualTo("Overview");
    assertThat(browser.text("waiting-plan-requests"))
        .matches("Plan requests: [1-9]\\d* organizations? waits? for an answer\\.");
    assertThat(browser.text("nav-organizations")).matches("Organizations \\(\\d+\\)");
    browser.submit(browser.driver.findElement(By.id("nav-organizations")));
    WebElement request = browser.driver.findElement(By.cssSelector("tr[data-request=acme]"));
    assertThat(request.getText()).contains("Professional").contains("We need the audit trail");
    browser.screenshot("organizations-plan-requests");
    browser.submit(request.findElement(By.cssSelector("[data-grant=acme]")));
    assertThat(
            new Select(acme(browser).findElement(By.cssSelector("[data-field=plan]")))
                .getFirstSelectedOption()
                .getAttribute("value"))
        .isEqualTo("PROFESSIONAL");
    acme(browser).findElement(By.cssSelector("[data-field=reason]")).sendKeys("Asked for it");
    browser.submit(acme(browser).findElement(By.cssSelector("[data-save-plan=acme]")));

    assertThat(browser.driver.findElements(By.cssSelector("tr[data-request=acme]"))).isEmpty();
    assertThat(planOfAcme()).isEqualTo("PROFESSIONAL");
    Api.Reply requests = Api.get("/api/v1/organization/plan-requests", admin());
    assertThat(requests.body()).contains("\"state\":\"GRANTED\"");
  }

  @Test
  void a_declined_request_shows_the_admin_why_and_a_smaller_plan_cannot_be_asked_for(
      Browser browser) throws Exception {
    Api.Reply smaller =
        Api.post("/api/v1/organization/plan-requests", admin(), "{\"plan\":\"LITE\"}");
    assertThat(smaller.status()).as(smaller.body()).isEqualTo(409);
    assertThat(smaller.json().getString("code")).isEqualTo("PLAN_NOT_LARGER");
    Api.Reply asked =
        Api.post(
            "/api/v1/organization/plan-requests",
            admin(),
            "{\"plan\":\"ENTERPRISE\",\"message\":\"For the SSO\"}");
    assertThat(asked.status()).as(asked.body()).isEqualTo(201);
    Api.Reply listed = Api.get("/api/v1/organizations/plan-requests", operator());
    assertThat(listed.body()).contains("\"organization\":\"acme\"").contains("For the SSO");

    ConsoleSignIn.as(browser, "operator", "operator-demo");
    browser.visit(PAGE);
    WebElement request = browser.driver.findElement(By.cssSelector("tr[data-request=acme]"));
    browser.submit(request.findElement(By.cssSelector("[data-decline=acme]")));
    browser.submit(browser.driver.findElement(By.cssSelector("[data-decline-yes=acme]")));
    assertThat(browser.text("notice")).contains("Say why");
    browser
        .driver
        .findElement(By.cssSelector("[data-field=decline-reason]"))
        .sendKeys("Enterprise needs a contract");
    browser.submit(browser.driver.findElement(By.cssSelector("[data-decline-yes=acme]")));
    assertThat(browser.text("notice")).contains("was declined");
    assertThat(browser.driver.findElements(By.cssSelector("tr[data-request=acme]"))).isEmpty();
    browser.submit(browser.driver.findElement(By.id("sign-out")));

    ConsoleSignIn.as(browser, "acme-admin", "acme-admin-demo");
    assertThat(browser.text("declined-request"))
        .startsWith("Your request for the Enterprise plan was declined on")
        .endsWith(": Enterprise needs a contract");
    assertThat(planOfAcme()).isNotEqualTo("ENTERPRISE");
    acmePlan.set("PROFESSIONAL"); // to read acme's trail
    Api.Reply trail = Api.get("/api/v1/audit/events?format=jsonl", admin());
    assertThat(trail.body()).contains("PLAN_REQUESTED").contains("PLAN_REQUEST_DECLINED");
  }

  private static WebElement offer(Browser browser, String plan) {
    return browser.driver.findElement(By.cssSelector("#larger-plans tr[data-plan=" + plan + "]"));
  }

  private static String admin() {
    return Api.token(AcmePlan.ORG, "org-admin");
  }

  private static String operator() {
    return Api.token("platform-ops", "platform-operator");
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
