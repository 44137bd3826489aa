package io.claribi.gateway.control.nativeapi;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.claribi.gateway.control.nativeapi.VendorFake.TOKEN;
import static io.claribi.gateway.control.nativeapi.VendorFake.sample;
import static io.claribi.gateway.control.nativeapi.VendorFake.structured;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claribi.gateway.api.ArgumentInvalidException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Against a fake of Atlassian's OAuth 2.0 (3LO) gateway, built from its documentation: GET
 * /oauth/token/accessible-resources (sites with id, name, url, scopes), and Jira Cloud REST v3
 * through /ex/jira/{cloudId}: "Search for issues using JQL enhanced search (GET)" /search/jql (jql,
 * fields, maxResults, nextPageToken; issues, nextPageToken, isLast) and "Get projects paginated"
 * /project/search (startAt, maxResults, query; values, total, isLast).
 */
class JiraTest {

  static final String CLOUD = "1324a887-45db-1bf4-1e99-ef0ff456d421";

  @RegisterExtension final VendorFake fake = new VendorFake();

  final NativeConnector cut = fake.connector("jira");

  @Test
  void list_sites_reads_the_accessible_resources() {
    fake.server()
        .stubFor(
            get(urlEqualTo("/oauth/token/accessible-resources"))
                .willReturn(okJson(sample("jira/accessible-resources.json"))));

    JsonNode answer =
        structured(cut.call(fake.base(), "list_sites", Map.of(), VendorFake.ACCESS_TOKEN));

    fake.server()
        .verify(
            getRequestedFor(urlEqualTo("/oauth/token/accessible-resources"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Accept", equalTo("application/json")));
    assertThat(answer.path("sites").path(0).path("cloudId").asString()).isEqualTo(CLOUD);
    assertThat(answer.path("sites").path(0).path("url").asString())
        .isEqualTo("https://acme.atlassian.net");
  }

  @Test
  void search_issues_sends_the_jql_as_one_encoded_value() {
    String jql = "project = \"ABC\" AND summary ~ \"a&b #1\" ORDER BY updated DESC";
    fake.server()
        .stubFor(
            get(urlPathEqualTo("/ex/jira/" + CLOUD + "/rest/api/3/search/jql"))
                .willReturn(okJson(sample("jira/search-jql.json"))));

    JsonNode answer =
        structured(
            cut.call(
                fake.base(),
                "search_issues",
                Map.of(
                    "cloud_id",
                    CLOUD,
                    "jql",
                    jql,
                    "fields",
                    List.of("summary", "status"),
                    "max_results",
                    100,
                    "next_page_token",
                    "CAEaAggC"),
                VendorFake.ACCESS_TOKEN));

    fake.server()
        .verify(
            getRequestedFor(
                    urlEqualTo(
                        "/ex/jira/"
                            + CLOUD
                            + "/rest/api/3/search/jql?jql=project%20%3D%20%22ABC%22%20AND%20summary"
                            + "%20%7E%20%22a%26b%20%231%22%20ORDER%20BY%20updated%20DESC"
                            + "&fields=summary%2Cstatus&maxResults=100&nextPageToken=CAEaAggC"))
                .withQueryParam("jql", equalTo(jql))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    assertThat(answer.path("issues").path(0).path("key").asString()).isEqualTo("ABC-1");
    assertThat(answer.path("issues").path(0).has("self")).isFalse();
    assertThat(answer.path("nextPageToken").asString()).isEqualTo("CAEaAggD");
    assertThat(answer.path("isLast").asBoolean()).isFalse();
  }

  @Test
  void list_projects_reads_one_page_of_projects() {
    fake.server()
        .stubFor(
            get(urlPathEqualTo("/ex/jira/" + CLOUD + "/rest/api/3/project/search"))
                .willReturn(okJson(sample("jira/project-search.json"))));

    JsonNode answer =
        structured(
            cut.call(
                fake.base(),
                "list_projects",
                Map.of("cloud_id", CLOUD, "query", "alpha"),
                VendorFake.ACCESS_TOKEN));

    fake.server()
        .verify(
            getRequestedFor(
                urlEqualTo(
                    "/ex/jira/"
                        + CLOUD
                        + "/rest/api/3/project/search?startAt=0&maxResults=50&query=alpha")));
    assertThat(answer.path("projects").path(0).path("key").asString()).isEqualTo("ABC");
    assertThat(answer.path("total").asInt()).isEqualTo(1);
    assertThat(answer.path("isLast").asBoolean()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "cloud_id=../../oauth/token",
        "cloud_id=" + CLOUD + "/rest/api/3/issue/ABC-1",
        "cloud_id=" + CLOUD + "?x",
        "cloud_id=" + CLOUD + "#x",
        "jql=project = ABC\r\nX-Injected: 1",
        "jql=",
        "max_results=1000",
        "next_page_token=abc&maxResults=5000",
        "expand=changelog"
      })
  void path_and_query_injections_are_refused_before_sending(String attack) {
    Map<String, Object> arguments = new HashMap<>();
    arguments.put("cloud_id", CLOUD);
    arguments.put("jql", "project = ABC");
    String[] pair = attack.split("=", 2);
    arguments.put(pair[0], pair[0].equals("max_results") ? Integer.valueOf(pair[1]) : pair[1]);

    assertThatThrownBy(
            () -> cut.call(fake.base(), "search_issues", arguments, VendorFake.ACCESS_TOKEN))
        .isInstanceOf(ArgumentInvalidException.class)
        .hasMessageContaining(pair[0]);
    fake.assertNothingSent();
  }

  @Test
  void a_field_list_cannot_smuggle_parameters() {
    assertThatThrownBy(
            () ->
                cut.call(
                    fake.base(),
                    "search_issues",
                    Map.of(
                        "cloud_id",
                        CLOUD,
                        "jql",
                        "project = ABC",
                        "fields",
                        List.of("summary&expand=changelog")),
                    VendorFake.ACCESS_TOKEN))
        .isInstanceOf(ArgumentInvalidException.class);
    fake.assertNothingSent();
  }
}
