package it.io.claribi;

import static it.io.claribi.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The fuzzer's findings against every JSON body: NUL and other control characters, trailing
 * garbage, two documents, numbers and booleans for strings. Each is a 400 with a stable code, and
 * nothing is written.
 */
class StrictJsonIT {

  private final String operator = Api.token("platform", "platform-operator");

  @Test
  void nul_in_an_organization_name_or_reason_is_text_invalid_and_creates_nothing() {
    String org = Api.newOrganization("strict");

    Api.Reply name =
        Api.put(organization(org), operator, "{\"name\":\"Zeta\\u0000 Inc\",\"plan\":\"LITE\"}");
    Api.Reply reason =
        Api.put(
            organization(org),
            operator,
            "{\"name\":\"Zeta\",\"plan\":\"LITE\",\"reason\":\"because\\u0007\"}");

    assertProblem(name, 400, "TEXT_INVALID");
    assertThat(name.json().getString("detail")).contains("/name", "U+0000");
    assertProblem(reason, 400, "TEXT_INVALID");
    assertThat(
            Api.put(organization(org), operator, "{\"name\":\"Zeta\",\"plan\":\"LITE\"}").status())
        .as("nothing was created before")
        .isEqualTo(201);
  }

  @Test
  void control_characters_in_connect_tool_call_and_catalog_bodies_are_text_invalid() {
    String admin = Api.token(Api.newOrganization("strict"), "org-admin", "integrator");

    assertProblem(
        Api.post(
            "/api/v1/connections",
            admin,
            "{\"vendor\":\"acme-payments\\u0000\",\"returnTo\":\"http://localhost/\"}"),
        400,
        "TEXT_INVALID");
    assertProblem(
        Api.post(
            "/api/v1/tools/call",
            admin,
            "{\"vendor\":\"acme-payments\",\"tool\":\"list_customers\","
                + "\"arguments\":{\"q\":\"\\u001b[2J\"}}"),
        400,
        "TEXT_INVALID");
    assertProblem(
        Api.put(
            "/api/v1/catalog/vendors/acme-payments/tools/list_customers",
            operator,
            "{\"decision\":\"DENY\",\"reason\":\"x\\u0000\"}"),
        400,
        "TEXT_INVALID");
    assertProblem(
        Api.post(
            "/api/v1/questions/route",
            admin,
            "{\"domains\":[\"payments\"],\"preferredVendor\":\"lone \\ud800\"}"),
        400,
        "TEXT_INVALID");
  }

  @Test
  void trailing_garbage_and_two_documents_are_malformed_and_create_nothing() {
    String org = Api.newOrganization("strict");
    String body = "{\"name\":\"Zeta\",\"plan\":\"LITE\"}";

    assertProblem(Api.put(organization(org), operator, body + " x"), 400, "MALFORMED_JSON");
    assertProblem(Api.put(organization(org), operator, body + body), 400, "MALFORMED_JSON");
    assertProblem(Api.put(organization(org), operator, body + "\n[]"), 400, "MALFORMED_JSON");
    assertProblem(Api.put(organization(org), operator, ""), 400, "MALFORMED_JSON");
    assertThat(Api.put(organization(org), operator, body + " \n").status()).isEqualTo(201);
  }

  @Test
  void a_number_or_boolean_where_a_string_is_expected_is_refused_not_converted() {
    String integrator = Api.token(Api.newOrganization("strict"), "integrator");

    Api.Reply uri =
        Api.post("/api/v1/resources/read", integrator, "{\"vendor\":\"acme-payments\",\"uri\":42}");
    Api.Reply tool =
        Api.post("/api/v1/tools/call", integrator, "{\"vendor\":\"acme-payments\",\"tool\":true}");
    Api.Reply plan =
        Api.put(
            organization(Api.newOrganization("strict")), operator, "{\"name\":\"Z\",\"plan\":1}");
    Api.Reply arguments =
        Api.post(
            "/api/v1/tools/call",
            integrator,
            "{\"vendor\":\"acme-payments\",\"tool\":\"list_customers\",\"arguments\":[1]}");

    assertProblem(uri, 400, "MALFORMED_JSON");
    assertThat(uri.json().getString("detail")).contains("/uri", "must be a string");
    assertProblem(tool, 400, "MALFORMED_JSON");
    assertProblem(plan, 400, "MALFORMED_JSON");
    assertProblem(arguments, 400, "MALFORMED_JSON");
  }

  private static String organization(String org) {
    return "/api/v1/organizations/" + org;
  }
}
