package io.claribi.gateway.control.nativeapi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.claribi.gateway.control.nativeapi.VendorFake.TOKEN;
import static io.claribi.gateway.control.nativeapi.VendorFake.sample;
import static io.claribi.gateway.control.nativeapi.VendorFake.structured;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claribi.gateway.api.ArgumentInvalidException;
import io.claribi.platform.api.ProblemException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Against a fake of the Meta Marketing API (Graph API v23.0), built from its reference pages: User
 * "adaccounts" edge, Ad Account "campaigns" and "insights" edges (fields, level, time_range, limit,
 * after), cursor paging (graph-api/results) and error objects (graph-api/guides/ error-handling:
 * code 190 invalid token, code 17 user request limit).
 */
class MetaAdsTest {

  @RegisterExtension final VendorFake fake = new VendorFake();

  final NativeConnector cut = fake.connector("meta-ads");

  @Test
  void list_ad_accounts_asks_for_named_fields_and_never_returns_the_next_url() {
    fake.server()
        .stubFor(
            get(urlPathEqualTo("/v23.0/me/adaccounts"))
                .willReturn(okJson(sample("meta-ads/adaccounts.json"))));

    String result = cut.call(fake.base(), "list_ad_accounts", Map.of(), VendorFake.ACCESS_TOKEN);
    JsonNode answer = structured(result);

    fake.server()
        .verify(
            getRequestedFor(urlPathEqualTo("/v23.0/me/adaccounts"))
                .withQueryParam("fields", equalTo(MetaAds.ACCOUNT_FIELDS))
                .withQueryParam("limit", equalTo("25"))
                .withQueryParam("access_token", absent())
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    assertThat(answer.path("data").path(0).path("account_id").asString()).isEqualTo("1122334455");
    assertThat(answer.path("nextCursor").asString()).isEqualTo("QVFIUmFmdGVy");
    // Graph writes an access token into paging.next; it must not reach the caller.
    assertThat(result).doesNotContain("access_token").doesNotContain("NOT-FOR-CALLERS");
  }

  @Test
  void list_campaigns_reads_one_ad_account_and_pages_with_after() {
    fake.server()
        .stubFor(
            get(urlPathEqualTo("/v23.0/act_1122334455/campaigns"))
                .willReturn(okJson(sample("meta-ads/campaigns.json"))));

    JsonNode answer =
        structured(
            cut.call(
                fake.base(),
                "list_campaigns",
                Map.of("ad_account_id", "1122334455", "limit", 10, "after", "QVFIUmFmdGVy"),
                VendorFake.ACCESS_TOKEN));

    fake.server()
        .verify(
            getRequestedFor(urlPathEqualTo("/v23.0/act_1122334455/campaigns"))
                .withQueryParam("fields", equalTo(MetaAds.CAMPAIGN_FIELDS))
                .withQueryParam("limit", equalTo("10"))
                .withQueryParam("after", equalTo("QVFIUmFmdGVy")));
    assertThat(answer.path("data").path(0).path("objective").asString()).isEqualTo("OUTCOME_SALES");
    assertThat(answer.has("nextCursor")).as("no paging.next: the last page").isFalse();
  }

  @Test
  void get_insights_sends_level_time_range_and_allowlisted_fields() {
    fake.server()
        .stubFor(
            get(urlPathEqualTo("/v23.0/act_1122334455/insights"))
                .willReturn(okJson(sample("meta-ads/insights.json"))));

    JsonNode answer =
        structured(
            cut.call(
                fake.base(),
                "get_insights",
                Map.of(
                    "ad_account_id", "1122334455",
                    "level", "campaign",
                    "start_date", "2026-03-01",
                    "end_date", "2026-03-31",
                    "fields", List.of("campaign_name", "impressions", "clicks", "spend")),
                VendorFake.ACCESS_TOKEN));

    fake.server()
        .verify(
            getRequestedFor(urlPathEqualTo("/v23.0/act_1122334455/insights"))
                .withQueryParam("fields", equalTo("campaign_name,impressions,clicks,spend"))
                .withQueryParam("level", equalTo("campaign"))
                .withQueryParam(
                    "time_range",
                    equalToJson("{\"since\":\"2026-03-01\",\"until\":\"2026-03-31\"}"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    assertThat(answer.path("data").path(0).path("spend").asString()).isEqualTo("412.57");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ad_account_id=act_1122334455",
        "ad_account_id=1122334455/adsets",
        "ad_account_id=1122334455?fields=name",
        "ad_account_id=..%2F..%2Fme",
        "level=campaign&breakdowns=age",
        "after=abc&access_token=x",
        "start_date=2026-3-1"
      })
  void path_and_query_injections_are_refused_before_sending(String attack) {
    var arguments = new java.util.HashMap<String, Object>();
    arguments.put("ad_account_id", "1122334455");
    arguments.put("start_date", "2026-03-01");
    arguments.put("end_date", "2026-03-31");
    String[] pair = attack.split("=", 2);
    arguments.put(pair[0], pair[1]);

    assertThatThrownBy(
            () -> cut.call(fake.base(), "get_insights", arguments, VendorFake.ACCESS_TOKEN))
        .isInstanceOf(ArgumentInvalidException.class)
        .hasMessageContaining(pair[0]);
    fake.assertNothingSent();
  }

  @Test
  void an_insight_field_outside_the_allowlist_is_refused() {
    assertThatThrownBy(
            () ->
                cut.call(
                    fake.base(),
                    "get_insights",
                    Map.of(
                        "ad_account_id", "1",
                        "start_date", "2026-03-01",
                        "end_date", "2026-03-31",
                        "fields", List.of("spend", "targeting")),
                    VendorFake.ACCESS_TOKEN))
        .isInstanceOf(ArgumentInvalidException.class)
        .hasMessageContaining("fields");
    fake.assertNothingSent();
  }

  @Test
  void graph_error_codes_map_to_a_rejected_token_and_to_throttling() {
    fake.server()
        .stubFor(
            get(urlPathEqualTo("/v23.0/me/adaccounts"))
                .willReturn(
                    aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(sample("meta-ads/error-invalid-token.json"))));
    assertThatThrownBy(
            () -> cut.call(fake.base(), "list_ad_accounts", Map.of(), VendorFake.ACCESS_TOKEN))
        .isInstanceOfSatisfying(
            ProblemException.class,
            p -> assertThat(p.code()).isEqualTo("VENDOR_AUTHORIZATION_FAILED"));

    fake.server()
        .stubFor(
            get(urlPathEqualTo("/v23.0/me/adaccounts"))
                .willReturn(
                    aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(sample("meta-ads/error-throttled.json"))));
    assertThatThrownBy(
            () -> cut.call(fake.base(), "list_ad_accounts", Map.of(), VendorFake.ACCESS_TOKEN))
        .isInstanceOfSatisfying(
            ProblemException.class,
            p -> {
              assertThat(p.code()).isEqualTo("VENDOR_RATE_LIMITED");
              assertThat(p.retryAfterSeconds()).hasValue(30);
            });
  }
}
