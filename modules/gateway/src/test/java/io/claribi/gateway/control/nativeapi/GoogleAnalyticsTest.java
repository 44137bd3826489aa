package io.claribi.gateway.control.nativeapi;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.claribi.gateway.control.nativeapi.VendorFake.TOKEN;
import static io.claribi.gateway.control.nativeapi.VendorFake.sample;
import static io.claribi.gateway.control.nativeapi.VendorFake.structured;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claribi.gateway.api.ArgumentInvalidException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Against a fake of the Analytics Data API v1beta, built from its reference pages:
 * properties.runReport (POST .../properties/{property}:runReport, RunReportResponse) and
 * properties.getMetadata (GET .../properties/{property}/metadata, Metadata).
 */
class GoogleAnalyticsTest {

  @RegisterExtension final VendorFake fake = new VendorFake();

  final NativeConnector cut = fake.connector("google-analytics");

  @Test
  void run_report_posts_the_documented_query_and_keys_rows_by_name() {
    fake.server()
        .stubFor(
            post(urlEqualTo("/v1beta/properties/123456789:runReport"))
                .willReturn(okJson(sample("google-analytics/run-report.json"))));

    JsonNode answer =
        structured(
            cut.call(
                fake.base(),
                "run_report",
                Map.of(
                    "property_id",
                    "123456789",
                    "start_date",
                    "2026-10-01",
                    "end_date",
                    "2026-10-31",
                    "dimensions",
                    List.of("country"),
                    "metrics",
                    List.of("activeUsers", "sessions"),
                    "limit",
                    50),
                VendorFake.ACCESS_TOKEN));

    fake.server()
        .verify(
            postRequestedFor(urlEqualTo("/v1beta/properties/123456789:runReport"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(
                    equalToJson(
                        """
                        {"dateRanges":[{"startDate":"2026-10-01","endDate":"2026-10-31"}],
                         "dimensions":[{"name":"country"}],
                         "metrics":[{"name":"activeUsers"},{"name":"sessions"}],
                         "limit":50,"offset":0}
                        """)));
    assertThat(answer.path("rowCount").asInt()).isEqualTo(2);
    assertThat(answer.path("rows").path(0).path("country").asString()).isEqualTo("Japan");
    assertThat(answer.path("rows").path(0).path("activeUsers").asString()).isEqualTo("2541");
    assertThat(answer.path("metrics").path(1).path("type").asString()).isEqualTo("TYPE_INTEGER");
  }

  @Test
  void get_metadata_reads_the_property_metadata() {
    fake.server()
        .stubFor(
            get(urlEqualTo("/v1beta/properties/123456789/metadata"))
                .willReturn(okJson(sample("google-analytics/metadata.json"))));

    JsonNode answer =
        structured(
            cut.call(
                fake.base(),
                "get_metadata",
                Map.of("property_id", "123456789"),
                VendorFake.ACCESS_TOKEN));

    fake.server()
        .verify(
            getRequestedFor(urlEqualTo("/v1beta/properties/123456789/metadata"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    assertThat(answer.path("dimensions").path(1).path("apiName").asString())
        .isEqualTo("customEvent:plan_type");
    assertThat(answer.path("metrics").path(0).path("type").asString()).isEqualTo("TYPE_INTEGER");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"../123", "123/../../v1/admin", "123?x=1", "123#frag", "123:batchRunReports", ""})
  void a_property_id_that_is_not_digits_is_refused_before_sending(String propertyId) {
    assertThatThrownBy(
            () ->
                cut.call(
                    fake.base(),
                    "get_metadata",
                    Map.of("property_id", propertyId),
                    VendorFake.ACCESS_TOKEN))
        .isInstanceOf(ArgumentInvalidException.class)
        .hasMessageContaining("property_id");
    fake.assertNothingSent();
  }

  @Test
  void report_arguments_out_of_bounds_are_refused_before_sending() {
    Map<String, Object> base =
        Map.of("property_id", "1", "start_date", "2026-10-31", "end_date", "2026-10-01");

    assertThatThrownBy(() -> run(with(base, "metrics", List.of("sessions"))))
        .isInstanceOf(ArgumentInvalidException.class)
        .hasMessageContaining("start_date must not be after end_date");
    Map<String, Object> dates =
        Map.of("property_id", "1", "start_date", "2026-10-01", "end_date", "2026-10-31");
    assertThatThrownBy(() -> run(dates)).hasMessageContaining("needs metrics");
    assertThatThrownBy(() -> run(with(dates, "metrics", List.of("sessions\"},{\"name\":\"x"))))
        .isInstanceOf(ArgumentInvalidException.class);
    assertThatThrownBy(
            () -> run(with(with(dates, "metrics", List.of("sessions")), "limit", 100_001)))
        .hasMessageContaining("limit");
    assertThatThrownBy(
            () -> run(with(with(dates, "metrics", List.of("sessions")), "orderBys", List.of())))
        .hasMessageContaining("no argument named orderBys");
    fake.assertNothingSent();
  }

  private String run(Map<String, Object> arguments) {
    return cut.call(fake.base(), "run_report", arguments, VendorFake.ACCESS_TOKEN);
  }

  private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
    var copy = new java.util.HashMap<>(map);
    copy.put(key, value);
    return copy;
  }
}
