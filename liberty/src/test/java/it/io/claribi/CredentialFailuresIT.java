package it.io.claribi;

import static it.io.claribi.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Findings 3 and 6 (first bullet) of issue 15, against the demo vendor's real authorization server
 * (access tokens of 75 s refreshed 60 s ahead, rotating refresh tokens): a refresh whose audit
 * record cannot be written keeps the tokens the vendor issued, and a credential that no key
 * decrypts marks its connection for re-authorisation. The failures are made for real, in the
 * database, by the test-only tampering fixture.
 */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
class CredentialFailuresIT {

  private static final String TOOL = "list_customers";
  private static final long UNTIL_REFRESH_MILLIS = 16_000;

  @Deployment(testable = false)
  static WebArchive fixture() {
    return Gateway.fixtureWar();
  }

  @ArquillianResource URL fixture;

  private String organization;
  private String admin;

  @BeforeEach
  void organization() {
    organization = Api.newOrganization("credfail");
    admin = Gateway.organizationOn(organization, "PROFESSIONAL");
  }

  @Test
  void a_refresh_whose_audit_record_fails_keeps_the_rotated_tokens() throws Exception {
    String id = Consent.connect(admin, TOOL);
    assertThat(call(id).status()).isEqualTo(200);
    Thread.sleep(UNTIL_REFRESH_MILLIS);

    // Every audit write of this organization now fails: the chain head points one event back.
    tamper("audit-chain-heads/" + organization + "?by=-1");
    Api.Reply refreshed;
    try {
      refreshed = call(id);
    } finally {
      tamper("audit-chain-heads/" + organization + "?by=1");
    }
    assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
    assertThat(events(id, "CREDENTIAL_REFRESHED")).as("its record was lost, on purpose").isEmpty();

    // The rotated refresh token was stored: the next refresh needs no new consent.
    Thread.sleep(UNTIL_REFRESH_MILLIS);
    Api.Reply again = call(id);
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(events(id, "CREDENTIAL_REFRESHED")).hasSize(1);
    assertThat(events(id, "CONNECTION_REAUTH_REQUIRED")).isEmpty();
    assertThat(state(id)).isEqualTo("ACTIVE");
  }

  @Test
  void a_credential_no_key_decrypts_marks_the_connection_for_reauthorisation() throws Exception {
    String id = Consent.connect(admin, TOOL);
    tamper("credentials/" + id);
    int atVendor = DemoVendor.toolCalls();

    Api.Reply undecryptable = call(id);
    Api.Reply again = call(id);

    assertProblem(undecryptable, 409, "CREDENTIAL_CIPHERTEXT_INVALID");
    assertProblem(again, 409, "CONNECTION_NEEDS_REAUTH");
    assertThat(DemoVendor.toolCalls()).isEqualTo(atVendor);
    assertThat(state(id)).isEqualTo("NEEDS_REAUTH");
    List<JsonObject> marked = events(id, "CONNECTION_REAUTH_REQUIRED");
    assertThat(marked).hasSize(1);
    assertThat(marked.get(0).getJsonObject("details").getString("reason"))
        .isEqualTo("CREDENTIAL_CIPHERTEXT_INVALID");
  }

  @Test
  void the_console_tells_the_admin_which_connection_needs_reauthorisation(Browser browser)
      throws Exception {
    AcmePlan acmePlan = AcmePlan.remembered();
    acmePlan.set("TRIAL");
    String acme = Api.token(AcmePlan.ORG, "org-admin", "integrator", "platform-operator");
    String id = Consent.connect(acme, TOOL);
    try {
      tamper("credentials/" + id);
      assertProblem(
          Gateway.call(acme, "connectionId", id, TOOL, "{\"limit\":1}"),
          409,
          "CREDENTIAL_CIPHERTEXT_INVALID");

      ConsoleSignIn.as(browser, "acme-admin", "acme-admin-demo");
      browser.visit("/console/data-sources.xhtml");
      WebElement item =
          browser.driver.findElement(By.cssSelector("li[data-connection='" + id + "']"));
      assertThat(item.getAttribute("data-state")).isEqualTo("NEEDS_REAUTH");
      assertThat(item.getText())
          .contains(": Needs re-authorisation since")
          .contains("stored credential cannot be decrypted")
          .contains("Add another connection to give consent anew");
      browser.screenshot("data-sources-needs-reauthorisation");
    } finally {
      Api.delete("/api/v1/connections/" + id, acme);
      acmePlan.restore();
    }
  }

  private Api.Reply call(String id) {
    return Gateway.call(admin, "connectionId", id, TOOL, "{\"limit\":1}");
  }

  private String state(String id) {
    return Api.get("/api/v1/connections/" + id, admin).json().getString("state");
  }

  private List<JsonObject> events(String connection, String type) {
    Api.Reply page =
        Api.get("/api/v1/audit/events?connection=" + connection + "&type=" + type, admin);
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    return page.json().getJsonArray("events").getValuesAs(JsonObject.class);
  }

  private void tamper(String path) {
    Api.Reply reply =
        Api.send(
            Api.request("", Api.token("platform-ops", "platform-operator"))
                .uri(URI.create(fixture + "api/v1/test-fixtures/tampering/" + path))
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(reply.status()).as(reply.body()).isEqualTo(204);
  }
}
