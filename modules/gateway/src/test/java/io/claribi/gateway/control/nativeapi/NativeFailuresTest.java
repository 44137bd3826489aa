package io.claribi.gateway.control.nativeapi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.claribi.gateway.control.nativeapi.VendorFake.TOKEN;
import static io.claribi.gateway.control.nativeapi.VendorFake.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.claribi.platform.api.ProblemException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How vendor failures reach the caller, shown on Jira's list_sites and Google Analytics'
 * get_metadata. Error bodies follow the documented shapes (Atlassian {@code errorMessages}, Google
 * {@code {"error":{"code","message","status"}}}); each one here echoes the access token, which must
 * never appear in what the caller sees.
 */
class NativeFailuresTest {

  static final String SITES = "/oauth/token/accessible-resources";

  @RegisterExtension final VendorFake fake = new VendorFake();

  final NativeConnector cut = fake.connector("jira");

  @Test
  void status_401_is_a_refused_credential() {
    assertThat(answering(error(401, "{\"code\":401,\"message\":\"Unauthorized " + TOKEN + "\"}")))
        .satisfies(p -> assertThat(p.code()).isEqualTo("VENDOR_AUTHORIZATION_FAILED"))
        .satisfies(p -> assertThat(p.status()).isEqualTo(502));
  }

  @Test
  void status_403_is_access_denied_with_the_vendors_message() {
    fake.server()
        .stubFor(
            get(urlPathEqualTo("/v1beta/properties/1/metadata"))
                .willReturn(error(403, sample("google-analytics/error-permission-denied.json"))));

    ProblemException problem =
        caught(
            () ->
                fake.connector("google-analytics")
                    .call(
                        fake.base(),
                        "get_metadata",
                        Map.of("property_id", "1"),
                        VendorFake.ACCESS_TOKEN));

    assertThat(problem.code()).isEqualTo("VENDOR_ACCESS_DENIED");
    assertThat(problem.detail()).contains("sufficient permissions");
  }

  @Test
  void status_404_says_the_vendor_does_not_have_it() {
    ProblemException problem = answering(error(404, sample("jira/error-not-found.json")));

    assertThat(problem.code()).isEqualTo("VENDOR_NOT_FOUND");
    assertThat(problem.detail()).contains("Site not found");
  }

  @Test
  void status_429_keeps_the_vendors_retry_after() {
    ProblemException problem =
        answering(
            error(429, "{\"errorMessages\":[\"Rate limited\"]}").withHeader("Retry-After", "17"));

    assertThat(problem.code()).isEqualTo("VENDOR_RATE_LIMITED");
    assertThat(problem.status()).isEqualTo(429);
    assertThat(problem.retryAfterSeconds()).hasValue(17);
  }

  @Test
  void status_500_is_vendor_unavailable() {
    ProblemException problem = answering(error(500, "{\"message\":\"boom " + TOKEN + "\"}"));

    assertThat(problem.code()).isEqualTo("VENDOR_UNAVAILABLE");
    assertThat(problem.status()).isEqualTo(503);
    assertThat(problem.retryAfterSeconds()).hasValue(30);
  }

  @Test
  void other_client_errors_carry_the_vendors_message_without_the_token() {
    ProblemException problem =
        answering(error(400, "{\"errorMessages\":[\"Bad token " + TOKEN + " here\"]}"));

    assertThat(problem.code()).isEqualTo("VENDOR_ERROR");
    assertThat(problem.detail()).contains("Bad token [redacted] here");
  }

  @Test
  void a_reply_past_the_size_limit_is_dropped() {
    String huge = "[" + "\"x\",".repeat(VendorFake.LIMITS.maxResponseBytes() / 4) + "\"x\"]";

    assertThat(answering(okJson(huge)).code()).isEqualTo("VENDOR_RESPONSE_TOO_LARGE");
  }

  @Test
  void a_slow_reply_is_vendor_unavailable() {
    ProblemException problem =
        answering(okJson(sample("jira/accessible-resources.json")).withFixedDelay(3_000));

    assertThat(problem.code()).isEqualTo("VENDOR_UNAVAILABLE");
    assertThat(problem.detail()).contains("did not answer in time");
  }

  @Test
  void a_reply_that_is_not_json_is_malformed() {
    assertThat(
            answering(
                    aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html>login</html>"))
                .code())
        .isEqualTo("VENDOR_RESPONSE_MALFORMED");
    assertThat(
            answering(
                    aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{not json"))
                .code())
        .isEqualTo("VENDOR_RESPONSE_MALFORMED");
  }

  @Test
  void a_redirect_is_not_followed() {
    ProblemException problem =
        answering(aResponse().withStatus(302).withHeader("Location", "http://127.0.0.1:1/steal"));

    assertThat(problem.code()).isEqualTo("VENDOR_REDIRECT_REFUSED");
    assertThat(fake.server().getAllServeEvents()).hasSize(1);
  }

  @Test
  void an_unreachable_vendor_is_unavailable() {
    var base = fake.base();
    fake.server().stop();

    ProblemException problem =
        caught(() -> cut.call(base, "list_sites", Map.of(), VendorFake.ACCESS_TOKEN));

    assertThat(problem.code()).isEqualTo("VENDOR_UNAVAILABLE");
  }

  private ProblemException answering(ResponseDefinitionBuilder reply) {
    fake.server().stubFor(get(urlPathEqualTo(SITES)).willReturn(reply));
    return caught(() -> cut.call(fake.base(), "list_sites", Map.of(), VendorFake.ACCESS_TOKEN));
  }

  private static ResponseDefinitionBuilder error(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }

  /** The problem thrown, after checking that it does not carry the access token. */
  private static ProblemException caught(Runnable call) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call::run);
    assertThat(thrown).isInstanceOf(ProblemException.class);
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(TOKEN);
    }
    assertThat(thrown.toString()).doesNotContain(TOKEN);
    return (ProblemException) thrown;
  }
}
