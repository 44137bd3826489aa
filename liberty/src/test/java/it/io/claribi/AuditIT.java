package it.io.claribi;

import static it.io.claribi.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The audit trail against the running server: the real plan-change flow records its event, plans
 * gate the endpoints, organizations never see each other's trail, exports end with a trailer a
 * verifier can check, and bad parameters are 400 problems.
 */
class AuditIT {

  private final String operator = Api.token("platform", "platform-operator");

  @Test
  void a_plan_change_is_recorded_with_actor_organization_time_and_request() {
    String org = Api.newOrganization("aud");
    Instant before = Instant.now().minusMillis(1000);

    Api.Reply provisioned =
        Api.send(
            Api.request("/api/v1/organizations/" + org, operator)
                .header("Content-Type", "application/json")
                .header("X-Request-Id", "ops-ticket-4711")
                .PUT(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"Aud\",\"plan\":\"PROFESSIONAL\",\"reason\":\"contract 7\"}")));
    Instant after = Instant.now().plusMillis(1000);

    assertThat(provisioned.status()).as(provisioned.toString()).isEqualTo(201);
    assertThat(provisioned.response().headers().firstValue("X-Request-Id"))
        .contains("ops-ticket-4711");
    List<JsonObject> events = events(org, "");
    assertThat(events).hasSize(1);
    JsonObject event = events.get(0);
    assertThat(event.getString("type")).isEqualTo("PLAN_CHANGED");
    assertThat(event.getString("actor")).isEqualTo("user@platform");
    assertThat(event.getString("organization")).isEqualTo(org);
    assertThat(event.getString("requestId")).isEqualTo("ops-ticket-4711");
    assertThat(event.getString("clientAddress")).isNotBlank();
    assertThat(event.getJsonObject("details").getString("to")).isEqualTo("PROFESSIONAL");
    assertThat(event.getJsonObject("details").getString("reason")).isEqualTo("contract 7");
    assertThat(event.getString("occurredAt")).matches(".*T.*\\.\\d{3}Z");
    assertThat(Instant.parse(event.getString("occurredAt"))).isBetween(before, after);
    assertThat(event.getInt("sequence")).isEqualTo(1);
    assertThat(event.getString("previousHash")).isEqualTo("0".repeat(64));
  }

  @Test
  void every_response_carries_a_request_id_and_a_malformed_one_is_replaced() {
    Api.Reply reply =
        Api.send(
            Api.request("/api/v1/organization", Api.token(Api.newOrganization("aud"), "org-admin"))
                .header("X-Request-Id", "bad id; drop table")
                .GET());
    Api.Reply unauthenticated = Api.get("/api/v1/audit/events", null);

    assertThat(reply.response().headers().firstValue("X-Request-Id").orElseThrow())
        .matches("[0-9a-f-]{36}");
    assertThat(unauthenticated.response().headers().firstValue("X-Request-Id")).isPresent();
  }

  @Test
  void the_trail_is_kept_on_every_plan_but_shown_only_on_professional_and_enterprise() {
    String org = Api.newOrganization("aud");
    String admin = Api.token(org, "org-admin");

    provision(org, "STARTER");
    for (String path :
        List.of(
            "/api/v1/audit/events",
            "/api/v1/audit/events?format=csv",
            "/api/v1/audit/verify",
            "/api/v1/audit/connections/c-1/activity?from=2026-01-01&to=2026-02-01")) {
      assertProblem(Api.get(path, admin), 403, "PLAN_UPGRADE_REQUIRED");
    }
    provision(org, "PROFESSIONAL");
    assertThat(types(events(org, ""))).containsExactly("PLAN_CHANGED", "PLAN_CHANGED");
    provision(org, "LITE");
    assertProblem(Api.get("/api/v1/audit/events", admin), 403, "PLAN_UPGRADE_REQUIRED");
    provision(org, "ENTERPRISE");

    List<JsonObject> events = events(org, "");
    assertThat(events)
        .extracting(e -> e.getJsonObject("details").getString("to"))
        .containsExactly("STARTER", "PROFESSIONAL", "LITE", "ENTERPRISE");
    assertThat(Api.get("/api/v1/audit/verify", admin).json().getBoolean("intact")).isTrue();
  }

  @Test
  void enrolment_on_first_use_is_recorded_as_the_first_plan() {
    String org = Api.newOrganization("aud");
    Api.get("/api/v1/organization", Api.token(org, "integrator"));

    provision(org, "ENTERPRISE");

    List<JsonObject> events = events(org, "");
    assertThat(events).hasSize(2);
    assertThat(events.get(0).getString("actor")).isEqualTo("user@" + org);
    assertThat(events.get(0).getJsonObject("details").getString("to")).isEqualTo("FREE");
    assertThat(events.get(1).getJsonObject("details").getString("from")).isEqualTo("FREE");
    assertThat(events.get(1).getString("previousHash")).isEqualTo(events.get(0).getString("hash"));
  }

  @Test
  void one_organization_never_sees_anothers_events_by_query_export_or_verify() {
    String a = Api.newOrganization("aud-a");
    String b = Api.newOrganization("aud-b");
    provision(a, "PROFESSIONAL");
    provision(a, "ENTERPRISE");
    provision(a, "PROFESSIONAL");
    provision(b, "ENTERPRISE");
    String adminB = Api.token(b, "org-admin");

    List<JsonObject> seenByB = events(b, "");
    String csv = Api.get("/api/v1/audit/events?format=csv", adminB).body();
    String jsonl = Api.get("/api/v1/audit/events?format=jsonl", adminB).body();
    JsonObject verify = Api.get("/api/v1/audit/verify", adminB).json();

    assertThat(seenByB).hasSize(1).allMatch(e -> e.getString("organization").equals(b));
    assertThat(csv).doesNotContain(a);
    assertThat(jsonl).doesNotContain(a);
    assertThat(verify.getString("organization")).isEqualTo(b);
    assertThat(verify.getJsonNumber("eventsVerified").longValue()).isEqualTo(1);
    assertThat(events(a, "")).hasSize(3);
  }

  @Test
  void a_jsonl_export_recomputes_hash_by_hash_up_to_its_trailer() {
    String org = Api.newOrganization("aud");
    provision(org, "PROFESSIONAL");
    provision(org, "ENTERPRISE");
    provision(org, "PROFESSIONAL");

    Api.Reply export = Api.get("/api/v1/audit/events?format=jsonl", Api.token(org, "org-admin"));

    assertThat(export.status()).isEqualTo(200);
    assertThat(export.contentType()).startsWith("application/jsonl");
    assertThat(export.response().headers().firstValue("Content-Disposition").orElseThrow())
        .contains("attachment", ".jsonl");
    List<JsonObject> lines = export.body().lines().map(AuditIT::parse).collect(Collectors.toList());
    JsonObject trailer = lines.remove(lines.size() - 1).getJsonObject("trailer");
    String previous = trailer.getString("firstPreviousHash");
    for (JsonObject line : lines) {
      assertThat(line.getString("previousHash")).isEqualTo(previous);
      assertThat(AuditHashes.recompute(line)).isEqualTo(line.getString("hash"));
      previous = line.getString("hash");
    }
    assertThat(previous).isEqualTo(trailer.getString("lastHash"));
    assertThat(trailer.getInt("events")).isEqualTo(3);
    assertThat(trailer.getBoolean("contiguous")).isTrue();
    assertThat(trailer.getString("chainHeadHash")).isEqualTo(previous);
  }

  @Test
  void a_csv_export_has_a_header_rows_and_a_trailer_and_filters_select() {
    String org = Api.newOrganization("aud");
    provision(org, "PROFESSIONAL");
    provision(org, "ENTERPRISE");
    String admin = Api.token(org, "org-admin");

    String csv = Api.get("/api/v1/audit/events?format=csv", admin).body();
    String filtered = Api.get("/api/v1/audit/events?format=csv&type=CONNECTION_USED", admin).body();

    List<String> rows = csv.lines().toList();
    assertThat(rows.get(0)).startsWith("sequence,occurred_at,type,actor,organization");
    assertThat(rows).hasSize(4);
    assertThat(rows.get(1)).startsWith("1,").contains(",PLAN_CHANGED,user@platform," + org);
    assertThat(rows.get(3)).startsWith("#trailer,");
    assertThat(filtered.lines().toList()).hasSize(2);
    assertThat(filtered.lines().toList().get(1)).contains("\"\"events\"\":0");
  }

  @Test
  void pages_follow_the_cursor() {
    String org = Api.newOrganization("aud");
    for (String plan : List.of("PROFESSIONAL", "ENTERPRISE", "PROFESSIONAL", "ENTERPRISE")) {
      provision(org, plan);
    }
    String admin = Api.token(org, "org-admin");

    JsonObject first = Api.get("/api/v1/audit/events?limit=3", admin).json();
    JsonObject second =
        Api.get("/api/v1/audit/events?limit=3&after=" + first.getString("next"), admin).json();

    assertThat(first.getJsonArray("events")).hasSize(3);
    assertThat(first.getString("next")).isEqualTo("3");
    assertThat(second.getJsonArray("events")).hasSize(1);
    assertThat(!second.containsKey("next") || second.isNull("next")).isTrue();

    // newest first, as the console lists: the same four events the other way round
    JsonObject newest = Api.get("/api/v1/audit/events?limit=3&order=newest", admin).json();
    JsonObject older =
        Api.get(
                "/api/v1/audit/events?limit=3&order=newest&before=" + newest.getString("next"),
                admin)
            .json();
    assertThat(sequences(newest)).containsExactly(4L, 3L, 2L);
    assertThat(newest.getString("next")).isEqualTo("2");
    assertThat(sequences(older)).containsExactly(1L);
    assertProblem(
        Api.get("/api/v1/audit/events?order=newest&after=2", admin), 400, "INVALID_PARAMETER");
    assertProblem(Api.get("/api/v1/audit/events?order=up", admin), 400, "INVALID_PARAMETER");
  }

  private static List<Long> sequences(JsonObject page) {
    return page.getJsonArray("events").getValuesAs(JsonObject.class).stream()
        .map(e -> e.getJsonNumber("sequence").longValue())
        .toList();
  }

  @Test
  void time_and_type_filters_select_and_bad_parameters_are_400_problems() {
    String org = Api.newOrganization("aud");
    provision(org, "PROFESSIONAL");
    String admin = Api.token(org, "org-admin");

    assertThat(events(org, "?type=PLAN_CHANGED&from=2000-01-01")).hasSize(1);
    assertThat(events(org, "?to=2000-01-01")).isEmpty();
    assertThat(events(org, "?actor=someone-else")).isEmpty();
    assertProblem(
        Api.get("/api/v1/audit/events?from=2026-11-25&to=2026-11-24", admin),
        400,
        "INVALID_TIME_RANGE");
    assertProblem(
        Api.get("/api/v1/audit/events?type=CONNECTION_HACKED", admin), 400, "UNKNOWN_EVENT_TYPE");
    assertProblem(Api.get("/api/v1/audit/events?from=yesterday", admin), 400, "INVALID_TIME");
    assertProblem(
        Api.get("/api/v1/audit/events?format=csv&to=2026-13-01", admin), 400, "INVALID_TIME");
    assertProblem(Api.get("/api/v1/audit/events?format=xml", admin), 400, "UNKNOWN_FORMAT");
    assertProblem(Api.get("/api/v1/audit/events?limit=5000", admin), 400, "INVALID_PARAMETER");
    assertProblem(
        Api.get("/api/v1/audit/events?connection=a%20b", admin), 400, "INVALID_PARAMETER");
    assertProblem(
        Api.get("/api/v1/audit/connections/c-1/activity?to=2026-01-01", admin),
        400,
        "INVALID_TIME");
    assertProblem(
        Api.get(
            "/api/v1/audit/connections/unknown-connection/activity?from=2026-01-01&to=2026-02-01",
            admin),
        404,
        "NOT_FOUND");
  }

  @Test
  void only_org_admins_read_the_trail_and_only_operators_run_retention() {
    String org = Api.newOrganization("aud");
    provision(org, "ENTERPRISE");

    assertProblem(Api.get("/api/v1/audit/events", Api.token(org, "integrator")), 403, "FORBIDDEN");
    assertProblem(
        Api.send(
            Api.request("/api/v1/audit/retention/" + org, Api.token(org, "org-admin"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())),
        403,
        "FORBIDDEN");
    // The development and test server keeps events forever, so the job refuses to run.
    assertProblem(
        Api.send(
            Api.request("/api/v1/audit/retention/" + org, operator)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())),
        409,
        "RETENTION_DISABLED");
    assertThat(events(org, "")).hasSize(1);
  }

  private static JsonObject parse(String line) {
    try (var reader = Json.createReader(new StringReader(line))) {
      return reader.readObject();
    }
  }

  private void provision(String org, String plan) {
    Api.Reply reply =
        Api.put(
            "/api/v1/organizations/" + org,
            operator,
            "{\"name\":\"" + org + "\",\"plan\":\"" + plan + "\"}");
    assertThat(reply.status()).as(reply.toString()).isIn(200, 201);
  }

  static List<JsonObject> events(String org, String query) {
    Api.Reply reply = Api.get("/api/v1/audit/events" + query, Api.token(org, "org-admin"));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json().getJsonArray("events").getValuesAs(JsonObject.class);
  }

  private static List<String> types(List<JsonObject> events) {
    return events.stream().map(e -> e.getString("type")).toList();
  }
}
