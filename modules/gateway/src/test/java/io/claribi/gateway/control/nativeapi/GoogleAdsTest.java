package io.claribi.gateway.control.nativeapi;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.claribi.gateway.control.nativeapi.VendorFake.DEVELOPER_TOKEN;
import static io.claribi.gateway.control.nativeapi.VendorFake.TOKEN;
import static io.claribi.gateway.control.nativeapi.VendorFake.sample;
import static io.claribi.gateway.control.nativeapi.VendorFake.structured;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claribi.gateway.api.ArgumentInvalidException;
import io.claribi.platform.api.ProblemException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Against a fake of the Google Ads API REST interface, built from its reference pages:
 * customers.listAccessibleCustomers (GET /vN/customers:listAccessibleCustomers) and
 * customers.googleAds.search (POST /vN/customers/{customerId}/googleAds:search with {"query",
 * "pageToken"}; SearchGoogleAdsResponse with results, nextPageToken, fieldMask).
 */
class GoogleAdsTest {

  static final String SEARCH = "/v26/customers/1234567890/googleAds:search";

  @RegisterExtension final VendorFake fake = new VendorFake();

  final NativeConnector cut = fake.connector("google-ads");

  @Test
  void list_accessible_customers_sends_the_developer_token_and_returns_ids() {
    fake.server()
        .stubFor(
            get(urlEqualTo("/v26/customers:listAccessibleCustomers"))
                .willReturn(okJson(sample("google-ads/list-accessible-customers.json"))));

    JsonNode answer =
        structured(
            cut.call(fake.base(), "list_accessible_customers", Map.of(), VendorFake.ACCESS_TOKEN));

    fake.server()
        .verify(
            getRequestedFor(urlEqualTo("/v26/customers:listAccessibleCustomers"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("developer-token", equalTo(DEVELOPER_TOKEN))
                .withHeader("login-customer-id", absent()));
    assertThat(answer.path("customerIds").toString()).isEqualTo("[\"1234567890\",\"9876543210\"]");
  }

  @Test
  void list_campaigns_builds_the_gaql_itself_and_flattens_rows() {
    fake.server()
        .stubFor(
            post(urlEqualTo(SEARCH))
                .willReturn(okJson(sample("google-ads/search-campaigns.json"))));

    JsonNode answer =
        structured(
            cut.call(
                fake.base(),
                "list_campaigns",
                Map.of(
                    "customer_id", "1234567890",
                    "login_customer_id", "5555555555",
                    "start_date", "2026-10-01",
                    "end_date", "2026-10-31",
                    "status", "ENABLED",
                    "limit", 20,
                    "page_token", "CPx1Ejk_page1"),
                VendorFake.ACCESS_TOKEN));

    fake.server()
        .verify(
            postRequestedFor(urlEqualTo(SEARCH))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("developer-token", equalTo(DEVELOPER_TOKEN))
                .withHeader("login-customer-id", equalTo("5555555555"))
                .withRequestBody(
                    equalToJson(
                        """
                        {"query":"SELECT campaign.id, campaign.name, campaign.status,\
                         campaign.advertising_channel_type, metrics.impressions, metrics.clicks,\
                         metrics.cost_micros, metrics.conversions FROM campaign WHERE segments.date\
                         BETWEEN '2026-10-01' AND '2026-10-31' AND campaign.status = 'ENABLED'\
                         ORDER BY metrics.impressions DESC LIMIT 20",
                         "pageToken":"CPx1Ejk_page1"}
                        """)));
    assertThat(answer.path("campaigns").path(0).path("name").asString()).isEqualTo("Winter sale");
    assertThat(answer.path("campaigns").path(0).path("costMicros").asString())
        .isEqualTo("56780000");
    assertThat(answer.path("nextPageToken").asString()).isEqualTo("CPx1Ejk_page2");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "start_date=2026-10-01' OR campaign.id > '0",
        "start_date=2026-02-30",
        "status=ENABLED' OR campaign.status = 'REMOVED",
        "customer_id=123-456-7890",
        "customer_id=1234567890/../../v26/customers/999",
        "customer_id=1234567890?x",
        "login_customer_id=12345\r\nX-Evil: 1",
        "query=SELECT customer.id FROM customer"
      })
  void gaql_and_path_injections_are_refused_before_sending(String attack) {
    Map<String, Object> arguments = new HashMap<>();
    arguments.put("customer_id", "1234567890");
    arguments.put("start_date", "2026-10-01");
    arguments.put("end_date", "2026-10-31");
    String[] pair = attack.split("=", 2);
    arguments.put(pair[0], pair[1]);

    assertThatThrownBy(
            () -> cut.call(fake.base(), "list_campaigns", arguments, VendorFake.ACCESS_TOKEN))
        .isInstanceOf(ArgumentInvalidException.class)
        .hasMessageContaining(pair[0]);
    fake.assertNothingSent();
  }

  @Test
  void without_a_developer_token_nothing_is_sent() {
    NativeConnector unconfigured =
        new NativeConnectors(VendorFake.LIMITS, VendorFake.LOOPBACK_ALLOWED, Optional::empty)
            .forVendor("google-ads")
            .orElseThrow();

    assertThatThrownBy(
            () ->
                unconfigured.call(
                    fake.base(), "list_accessible_customers", Map.of(), VendorFake.ACCESS_TOKEN))
        .isInstanceOfSatisfying(
            ProblemException.class,
            problem -> {
              assertThat(problem.code()).isEqualTo("CONNECTOR_NOT_CONFIGURED");
              assertThat(problem.status()).isEqualTo(503);
            });
    fake.assertNothingSent();
  }
}
