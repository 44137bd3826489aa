package it.io.claribi;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What the gateway ITs share: organizations on a plan, connections made through the test-only
 * fixture (deployed in a test WAR next to the product, never in it), and operator decisions.
 */
final class Gateway {

  static final String VENDOR = "acme-payments";
  static final List<String> READ_TOOLS =
      List.of(
          "list_customers", "get_customer", "list_invoices", "retrieve_balance", "list_payouts");

  private Gateway() {}

  /** The product WAR plus the connection fixture: the only place the fixture ever exists. */
  static WebArchive fixtureWar() {
    return ShrinkWrap.create(ZipImporter.class, "gateway-fixture.war")
        .importFrom(new java.io.File("target/claribi.war"))
        .as(WebArchive.class)
        .addPackage("io.claribi.connections.fixture");
  }

  /** An organization on {@code plan}, with its admin/operator token. */
  static String organizationOn(String org, String plan) {
    String operator = Api.token("platform-ops", "platform-operator");
    Api.Reply provisioned =
        Api.put(
            "/api/v1/organizations/" + org,
            operator,
            "{\"name\":\"" + org + "\",\"plan\":\"" + plan + "\",\"reason\":\"gateway IT\"}");
    if (provisioned.status() != 201 && provisioned.status() != 200) {
      throw new IllegalStateException("cannot provision " + org + ": " + provisioned);
    }
    return Api.token(org, "org-admin", "integrator", "platform-operator");
  }

  /**
   * An active connection of the token's organization, with a real demo token and its expiry (the
   * product sends nothing on its own with an expired token).
   */
  static String connect(URL fixture, String token, String vendor, boolean discover) {
    JsonObject demo = DemoVendor.token("payments:read");
    java.time.Instant expiresAt =
        java.time.Instant.now().plusSeconds(demo.getJsonNumber("expires_in").longValue());
    JsonObject body =
        Json.createObjectBuilder()
            .add("vendor", vendor)
            .add("accessToken", demo.getString("access_token"))
            .add("expiresAt", expiresAt.toString())
            .add("scopes", Json.createArrayBuilder().add("payments:read"))
            .add("discover", discover)
            .build();
    Api.Reply created =
        Api.send(
            Api.request("", token)
                .uri(java.net.URI.create(fixture + "api/v1/test-fixtures/connections"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString())));
    if (created.status() != 200) {
      throw new IllegalStateException("fixture refused: " + created);
    }
    return created.json().getString("connectionId");
  }

  static Api.Reply decide(String operator, String vendor, String tool, String decision) {
    return Api.put(
        "/api/v1/catalog/vendors/" + vendor + "/tools/" + encode(tool),
        operator,
        "{\"decision\":\"" + decision + "\",\"reason\":\"reviewed by the gateway IT\"}");
  }

  static Api.Reply call(String token, String target, String targetValue, String tool, String args) {
    JsonObject body =
        Json.createObjectBuilder()
            .add(target, targetValue)
            .add("tool", tool)
            .add("arguments", Json.createReader(new java.io.StringReader(args)).readObject())
            .build();
    return Api.post("/api/v1/tools/call", token, body.toString());
  }

  static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
