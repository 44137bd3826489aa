package it.io.claribi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The four native connectors against the running server. Their vendors cannot be reached from here,
 * so each API is a local WireMock fake answering the vendors' documented response shapes (the
 * samples of {@code modules/gateway/src/test/resources/nativeapi}), and the demo vendor's real
 * authorization server stands in for Google's, Meta's and Atlassian's. Connect by consent, every
 * read operation, a refresh, a refused write, and a disconnect, with the audit events.
 */
class NativeConnectorIT {

  private static final Path SAMPLES = Path.of("../modules/gateway/src/test/resources/nativeapi");
  private static final String BEARER = "Bearer [A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+";

  private static WireMockServer vendors;
  private static final Path CATALOG_FILE =
      Path.of("../modules/catalog/src/main/resources/META-INF/claribi/catalog-v1.json");
  private static final String OPERATOR = Api.token("platform-ops", "platform-operator");

  @BeforeAll
  static void fakeVendorsBehindTheCatalogsNativeConnectors() throws Exception {
    Api.awaitTokensAccepted(Duration.ofSeconds(60));
    vendors = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    vendors.start();
    stub(
        post(urlPathEqualTo("/v1beta/properties/123456:runReport")),
        "google-analytics/run-report.json");
    stub(
        get(urlPathEqualTo("/v1beta/properties/123456/metadata")),
        "google-analytics/metadata.json");
    stub(
        get(urlPathEqualTo("/v26/customers:listAccessibleCustomers"))
            .withHeader("developer-token", equalTo("local-fake-developer-token")),
        "google-ads/list-accessible-customers.json");
    stub(
        post(urlPathEqualTo("/v26/customers/1234567890/googleAds:search"))
            .withHeader("developer-token", equalTo("local-fake-developer-token")),
        "google-ads/search-campaigns.json");
    stub(get(urlPathEqualTo("/v23.0/me/adaccounts")), "meta-ads/adaccounts.json");
    stub(get(urlPathEqualTo("/v23.0/act_1234/campaigns")), "meta-ads/campaigns.json");
    stub(get(urlPathEqualTo("/v23.0/act_1234/insights")), "meta-ads/insights.json");
    stub(
        get(urlPathEqualTo("/oauth/token/accessible-resources")), "jira/accessible-resources.json");
    stub(
        get(urlPathEqualTo("/ex/jira/11223344-a1b2-3b33-c444-def123456789/rest/api/3/search/jql")),
        "jira/search-jql.json");
    stub(
        get(
            urlPathEqualTo(
                "/ex/jira/11223344-a1b2-3b33-c444-def123456789/rest/api/3/project/search")),
        "jira/project-search.json");
    for (String vendor : List.of("google-analytics", "google-ads", "meta-ads", "jira")) {
      pointAtTheFake(vendor);
    }
  }

  @AfterAll
  static void stopFakes() {
    // The vendors stay pointed at the (stopped) fakes: the shipped hosts do not resolve offline,
    // so the outbound policy would refuse putting them back. No other test uses them.
    if (vendors != null) {
      vendors.stop();
    }
  }

  private static void stub(MappingBuilder request, String sample) throws Exception {
    vendors.stubFor(
        request
            .withHeader("Authorization", matching(BEARER))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(Files.readString(SAMPLES.resolve(sample)))));
  }

  /** An operator edit: the vendor's API is the fake, its authorization server the demo's. */
  private static void pointAtTheFake(String vendor) {
    JsonObject current = shipped(vendor);
    // The stand-in authorization server is an OpenID provider: it wants openid too.
    edit(
        vendor,
        vendors.baseUrl(),
        withOpenId(current.getJsonArray("readScopes")).build(),
        DemoVendor.ISSUER,
        current,
        "NativeConnectorIT: local fake of the vendor's API");
  }

  /** The vendor as the catalog file ships it (a database reused by an earlier run may differ). */
  private static JsonObject shipped(String vendor) {
    try (var reader = Json.createReader(Files.newBufferedReader(CATALOG_FILE))) {
      return reader.readObject().getJsonArray("vendors").getValuesAs(JsonObject.class).stream()
          .filter(v -> v.getString("id").equals(vendor))
          .findFirst()
          .orElseThrow();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void edit(
      String vendor,
      String serverUrl,
      jakarta.json.JsonArray readScopes,
      String authorizationServer,
      JsonObject current,
      String reason) {
    JsonObject edit =
        Json.createObjectBuilder()
            .add("displayName", current.getString("displayName"))
            .add("kind", "NATIVE_OAUTH")
            .add("serverUrl", serverUrl)
            .add("readScopes", readScopes)
            .add("dataDomains", current.getJsonArray("dataDomains"))
            .add("resourcesEnabled", false)
            .add("authorizationServer", authorizationServer)
            .add("reason", reason)
            .build();
    Api.Reply edited = Api.put("/api/v1/catalog/vendors/" + vendor, OPERATOR, edit.toString());
    assertThat(edited.status()).as(edited.body()).isEqualTo(200);
  }

  private static jakarta.json.JsonArrayBuilder withOpenId(jakarta.json.JsonArray scopes) {
    var builder = Json.createArrayBuilder(scopes);
    return scopes.contains(Json.createValue("openid")) ? builder : builder.add("openid");
  }

  private static JsonObject called(String admin, String connection, String tool, String args) {
    Api.Reply reply = Gateway.call(admin, "connectionId", connection, tool, args);
    assertThat(reply.status()).as(tool + ": " + reply.body()).isEqualTo(200);
    JsonObject result = reply.json().getJsonObject("result");
    assertThat(result.getBoolean("isError")).isFalse();
    return result.getJsonObject("structuredContent");
  }

  private static int requestsTo(RequestPatternBuilder pattern) {
    return vendors.countRequestsMatching(pattern.build()).getCount();
  }

  @Test
  void every_connector_connects_by_consent_on_the_free_plan_and_reads_through_its_operations()
      throws Exception {
    String admin = Gateway.organizationOn(Api.newOrganization("native"), "FREE");
    Map<String, String> connections =
        Map.of(
            "google-analytics", Consent.connectTo("google-analytics", admin),
            "google-ads", Consent.connectTo("google-ads", admin),
            "meta-ads", Consent.connectTo("meta-ads", admin),
            "jira", Consent.connectTo("jira", admin));

    List<JsonObject> tools =
        Api.get("/api/v1/tools", admin).json().getJsonArray("tools").getValuesAs(JsonObject.class);
    assertThat(tools)
        .extracting(t -> t.getString("vendor") + "/" + t.getString("name"))
        .contains(
            "google-analytics/run_report",
            "google-analytics/get_metadata",
            "google-ads/list_accessible_customers",
            "google-ads/list_campaigns",
            "meta-ads/list_ad_accounts",
            "meta-ads/list_campaigns",
            "meta-ads/get_insights",
            "jira/list_sites",
            "jira/search_issues",
            "jira/list_projects");

    String ga = connections.get("google-analytics");
    assertThat(
            called(
                admin,
                ga,
                "run_report",
                "{\"property_id\":\"123456\",\"start_date\":\"2026-10-01\",\"end_date\":\"2026-10-31\","
                    + "\"dimensions\":[\"country\"],\"metrics\":[\"activeUsers\"]}"))
        .isNotEmpty();
    assertThat(called(admin, ga, "get_metadata", "{\"property_id\":\"123456\"}")).isNotEmpty();

    String ads = connections.get("google-ads");
    assertThat(called(admin, ads, "list_accessible_customers", "{}")).isNotEmpty();
    assertThat(
            called(
                admin,
                ads,
                "list_campaigns",
                "{\"customer_id\":\"1234567890\",\"start_date\":\"2026-10-01\","
                    + "\"end_date\":\"2026-10-31\"}"))
        .isNotEmpty();

    String meta = connections.get("meta-ads");
    assertThat(called(admin, meta, "list_ad_accounts", "{}")).isNotEmpty();
    assertThat(called(admin, meta, "list_campaigns", "{\"ad_account_id\":\"1234\"}")).isNotEmpty();
    assertThat(
            called(
                admin,
                meta,
                "get_insights",
                "{\"ad_account_id\":\"1234\",\"level\":\"campaign\",\"start_date\":\"2026-10-01\","
                    + "\"end_date\":\"2026-10-31\"}"))
        .isNotEmpty();

    String jira = connections.get("jira");
    String site = "11223344-a1b2-3b33-c444-def123456789";
    assertThat(called(admin, jira, "list_sites", "{}")).isNotEmpty();
    assertThat(
            called(
                admin,
                jira,
                "search_issues",
                "{\"cloud_id\":\"" + site + "\",\"jql\":\"project = OPS AND status = Done\"}"))
        .isNotEmpty();
    assertThat(called(admin, jira, "list_projects", "{\"cloud_id\":\"" + site + "\"}"))
        .isNotEmpty();

    // Every request carried a bearer token from the authorization server, and nothing else went.
    assertThat(vendors.getAllServeEvents()).allSatisfy(e -> assertThat(e.getWasMatched()).isTrue());
  }

  @Test
  void a_write_cannot_be_expressed_and_a_disconnect_stops_every_call() throws Exception {
    String org = Api.newOrganization("native-write");
    String admin = Gateway.organizationOn(org, "LITE");
    String ads = Consent.connectTo("google-ads", admin);
    int before = vendors.getAllServeEvents().size();

    for (String write : List.of("mutate_campaigns", "create_campaign", "delete_campaign")) {
      Api.Reply refused = Gateway.call(admin, "connectionId", ads, write, "{}");
      assertThat(refused.status()).as(refused.body()).isEqualTo(403);
      assertThat(refused.json().getString("code")).isEqualTo("TOOL_NOT_ALLOWED");
    }
    // An argument cannot smuggle a query or a path either.
    Api.Reply smuggled =
        Gateway.call(
            admin,
            "connectionId",
            ads,
            "list_campaigns",
            "{\"customer_id\":\"123/../../customers:mutate\",\"start_date\":\"2026-10-01\","
                + "\"end_date\":\"2026-10-31\"}");
    assertThat(smuggled.status()).as(smuggled.body()).isEqualTo(400);
    assertThat(vendors.getAllServeEvents()).hasSize(before);

    assertThat(Api.delete("/api/v1/connections/" + ads, admin).status()).isEqualTo(204);
    assertThat(Gateway.call(admin, "connectionId", ads, "list_accessible_customers", "{}").status())
        .isEqualTo(404);
    assertThat(
            Gateway.call(admin, "vendor", "google-ads", "list_accessible_customers", "{}").status())
        .isEqualTo(404);
    assertThat(vendors.getAllServeEvents()).hasSize(before);
  }

  @Test
  void a_native_connection_refreshes_its_token_and_its_life_is_in_the_audit_trail()
      throws Exception {
    String org = Api.newOrganization("native-audit");
    String admin = Gateway.organizationOn(org, "FREE");
    // Jira uses the operator's registered confidential client (CLARIBI_OAUTH_JIRA_CLIENT_ID/SECRET
    // in liberty/pom.xml), not the demo's public one.
    Api.Reply started =
        Api.post(
            "/api/v1/connections",
            admin,
            "{\"vendor\":\"jira\",\"returnTo\":\"" + Consent.RETURN_TO + "\"}");
    assertThat(started.json().getString("authorizationUrl"))
        .contains("client_id=claribi-jira-app")
        .doesNotContain("secret")
        .doesNotContain("resource=");
    String jira = Consent.connectTo("jira", admin);
    called(admin, jira, "list_sites", "{}");

    // The demo server's tokens live 75 s and are refreshed 60 s before they expire.
    Thread.sleep(16_000);
    called(admin, jira, "list_sites", "{}");
    assertThat(Api.delete("/api/v1/connections/" + jira, admin).status()).isEqualTo(204);

    Gateway.organizationOn(org, "PROFESSIONAL"); // the trail is recorded on Free, shown on Pro
    List<String> types =
        Api.get("/api/v1/audit/events?connection=" + jira, admin)
            .json()
            .getJsonArray("events")
            .getValuesAs(JsonObject.class)
            .stream()
            .map(e -> e.getString("type"))
            .toList();
    assertThat(types)
        .containsSubsequence(
            "CONNECTION_CREATED",
            "CONNECTION_USED",
            "CREDENTIAL_REFRESHED",
            "CONNECTION_USED",
            "CONNECTION_DISCONNECTED");
  }
}
