package it.io.claribi;

import static it.io.claribi.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Operators see the product's registrations with authorization servers and can drop one a vendor
 * forgot (finding 6); the demo vendor's client is pre-registered in the catalog and stays.
 */
class OAuthClientsIT {

  private final String operator = Api.token("platform", "platform-operator");

  @Test
  void an_operator_lists_registrations_and_cannot_drop_a_pre_registered_one() {
    List<JsonObject> all =
        Api.get("/api/v1/catalog/oauth-clients", operator)
            .jsonArray()
            .getValuesAs(JsonObject.class);
    JsonObject demo =
        all.stream()
            .filter(c -> c.getString("issuer").equals(DemoVendor.ISSUER))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no demo registration in " + all));

    assertThat(demo.getString("source")).isEqualTo("PRE_REGISTERED");
    assertThat(demo.toString()).doesNotContainIgnoringCase("secret");
    assertProblem(
        Api.delete(drop(DemoVendor.ISSUER, null), operator), 409, "OAUTH_CLIENT_PRE_REGISTERED");
  }

  @Test
  void bad_requests_are_problems() {
    assertProblem(
        Api.delete(drop("https://nowhere.example.com", null), operator), 404, "NOT_FOUND");
    assertProblem(Api.delete("/api/v1/catalog/oauth-clients", operator), 400, "VALIDATION_FAILED");
    assertProblem(
        Api.delete(drop("https://nowhere.example.com", "why\u0000"), operator),
        400,
        "TEXT_INVALID");
    assertProblem(
        Api.delete(drop("https://nowhere.example.com", null), Api.token("acme", "org-admin")),
        403,
        "FORBIDDEN");
  }

  private static String drop(String issuer, String reason) {
    return "/api/v1/catalog/oauth-clients?issuer="
        + URLEncoder.encode(issuer, StandardCharsets.UTF_8)
        + (reason == null ? "" : "&reason=" + URLEncoder.encode(reason, StandardCharsets.UTF_8));
  }
}
