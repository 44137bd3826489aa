package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Operators' actions are visible (issue 19): an operator's ALLOW is in the operators' trail (the
 * trail of the operator's own organization, {@code platform}, which operators open on any plan, in
 * the console and through the API) and in the trail of the organization actively connected to the
 * vendor, whose chain still verifies; an organization not connected to it does not get it.
 */
@ExtendWith(BrowserExtension.class)
class ConsoleOperatorTrailIT {

  private static final String TOOL = "list_customers";

  /** The organization of the console's demo operator, as a token: actor user@platform. */
  private static final String OPERATOR = Api.token("platform", "platform-operator");

  private Browser browser;

  @Test
  void an_operators_allow_is_in_the_operators_trail_and_in_the_connected_organizations_trail()
      throws Exception {
    Instant before = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
    String connected = provisioned(Api.newOrganization("affected"));
    String elsewhere = provisioned(Api.newOrganization("unaffected"));
    String admin = Api.token(connected, "org-admin", "integrator");
    String id = Consent.connect(admin);
    String reason = "operator trail test " + UUID.randomUUID();
    try {
      Api.Reply allowed =
          Api.put(
              "/api/v1/catalog/vendors/" + Gateway.VENDOR + "/tools/" + TOOL,
              OPERATOR,
              Json.createObjectBuilder()
                  .add("decision", "ALLOW")
                  .add("reason", reason)
                  .build()
                  .toString());
      assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);

      JsonObject inConnected = decision(admin, reason, before);
      assertThat(inConnected.getString("actor")).isEqualTo("user@platform");
      assertThat(inConnected.getString("vendor")).isEqualTo(Gateway.VENDOR);
      assertThat(inConnected.getJsonObject("details").getString("tool")).isEqualTo(TOOL);
      assertThat(inConnected.getJsonObject("details").getString("decision")).isEqualTo("ALLOW");
      assertThat(Api.get("/api/v1/audit/verify", admin).json().getBoolean("intact")).isTrue();
      assertThat(decisions(Api.token(elsewhere, "org-admin"), before))
          .as("an organization not connected to the vendor")
          .isEmpty();
      assertThat(decision(OPERATOR, reason, before).getString("organization"))
          .as("the operators' trail through the API, on the Free plan")
          .isEqualTo("platform");

      Api.Reply planChanges =
          Api.get(
              "/api/v1/audit/events?type=PLAN_CHANGED&actor=user@platform&from=" + before,
              OPERATOR);
      assertThat(planChanges.body())
          .as("the plan change of the connected organization, in the operators' trail")
          .contains("\"organization\":\"" + connected + "\"");

      ConsoleSignIn.as(browser, "operator", "operator-demo");
      browser.submit(browser.driver.findElement(By.linkText("Audit trail")));
      browser.driver.executeScript(
          "arguments[0].value = arguments[1]",
          browser.driver.findElement(By.id("from")),
          java.time.LocalDate.ofInstant(before, java.time.ZoneOffset.UTC).toString());
      new Select(browser.driver.findElement(By.id("type"))).selectByValue("TOOL_DECISION_CHANGED");
      type("actor", "user@platform");
      new Select(browser.driver.findElement(By.id("size"))).selectByValue("100");
      browser.submit(By.id("show"));

      List<WebElement> rows =
          browser.driver.findElements(By.cssSelector("#events tbody tr")).stream()
              .filter(row -> row.getText().contains(reason))
              .toList();
      assertThat(rows).hasSize(1);
      assertThat(rows.get(0).getAttribute("data-type")).isEqualTo("TOOL_DECISION_CHANGED");
      assertThat(rows.get(0).getText()).contains(Gateway.VENDOR).contains("ALLOW");
      browser.driver.executeScript(
          "arguments[0].scrollIntoView()", browser.driver.findElement(By.id("events-title")));
      browser.screenshot("audit-operators-trail");
    } finally {
      Api.delete("/api/v1/connections/" + id, admin);
    }
  }

  private static JsonObject decision(String token, String reason, Instant from) {
    List<JsonObject> found =
        decisions(token, from).stream()
            .filter(e -> reason.equals(e.getJsonObject("details").getString("reason")))
            .toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private static List<JsonObject> decisions(String token, Instant from) {
    Api.Reply reply =
        Api.get("/api/v1/audit/events?type=TOOL_DECISION_CHANGED&limit=1000&from=" + from, token);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    List<JsonObject> events = reply.json().getJsonArray("events").getValuesAs(JsonObject.class);
    return events;
  }

  private static String provisioned(String org) {
    Api.Reply reply =
        Api.put(
            "/api/v1/organizations/" + org,
            OPERATOR,
            "{\"name\":\"" + org + "\",\"plan\":\"PROFESSIONAL\",\"reason\":\"operator trail\"}");
    assertThat(reply.status()).as(reply.toString()).isIn(200, 201);
    return org;
  }

  private void type(String id, String value) {
    WebElement input = browser.driver.findElement(By.id(id));
    input.clear();
    input.sendKeys(value);
  }
}
