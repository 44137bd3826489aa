package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Twenty operators racing on one organization: one creates it, the others update it or are told to
 * retry (409 CONCURRENT_UPDATE with Retry-After), never a 500, and the plan history and the audit
 * chain stay consistent.
 */
class ConcurrentProvisioningIT {

  private static final int RACERS = 20;
  private static final String[] PLANS = {"STARTER", "PROFESSIONAL", "ENTERPRISE", "TRIAL"};

  private final String operator = Api.token("platform", "platform-operator");

  @Test
  void twenty_concurrent_creations_make_one_organization_and_no_500() throws Exception {
    String org = Api.newOrganization("race");

    List<Api.Reply> replies =
        race(i -> "{\"name\":\"Race " + i + "\",\"plan\":\"ENTERPRISE\"}", org);

    assertOnlyExpectedOutcomes(replies);
    assertThat(replies).filteredOn(r -> r.status() == 201).hasSize(1);
    assertConsistent(org);
  }

  @Test
  void twenty_concurrent_plan_changes_serialize_and_keep_the_audit_chain_intact() throws Exception {
    String org = Api.newOrganization("race");
    assertThat(Api.put(path(org), operator, "{\"name\":\"Race\",\"plan\":\"ENTERPRISE\"}").status())
        .isEqualTo(201);

    List<Api.Reply> replies =
        race(i -> "{\"name\":\"Race\",\"plan\":\"" + PLANS[i % PLANS.length] + "\"}", org);

    assertOnlyExpectedOutcomes(replies);
    assertThat(replies).filteredOn(r -> r.status() == 200).isNotEmpty();
    Api.put(path(org), operator, "{\"name\":\"Race\",\"plan\":\"ENTERPRISE\"}");
    assertConsistent(org);
  }

  private List<Api.Reply> race(java.util.function.IntFunction<String> body, String org)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(RACERS);
    try {
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      List<Callable<Api.Reply>> calls =
          IntStream.range(0, RACERS)
              .<Callable<Api.Reply>>mapToObj(
                  i ->
                      () -> {
                        start.await();
                        return Api.put(path(org), operator, body.apply(i));
                      })
              .toList();
      List<Future<Api.Reply>> futures = new ArrayList<>();
      calls.forEach(c -> futures.add(pool.submit(c)));
      start.countDown();
      List<Api.Reply> replies = new ArrayList<>();
      for (Future<Api.Reply> f : futures) {
        replies.add(f.get());
      }
      return replies;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void assertOnlyExpectedOutcomes(List<Api.Reply> replies) {
    for (Api.Reply reply : replies) {
      assertThat(reply.status()).as(reply.toString()).isIn(200, 201, 409);
      if (reply.status() == 409) {
        Problems.assertProblem(reply, 409, "CONCURRENT_UPDATE");
        assertThat(reply.response().headers().firstValue("Retry-After")).hasValue("1");
      }
    }
  }

  /**
   * The plan history is one unbroken chain from the first plan (no "from") to the current one:
   * counted per plan, each change away from a plan follows a change to it (two changes that both
   * started from the same old plan, as an unserialized race writes them, break the count). Counted
   * rather than ordered, because changes in the same millisecond have no order by time. And the
   * audit chain verifies.
   */
  private static void assertConsistent(String org) {
    String admin = Api.token(org, "org-admin");
    List<JsonObject> history =
        Api.get("/api/v1/organization/plan-changes", admin)
            .jsonArray()
            .getValuesAs(JsonObject.class);
    String current = Api.get("/api/v1/organization", admin).json().getString("plan");
    java.util.Map<String, Integer> balance = new java.util.HashMap<>();
    for (JsonObject change : history) {
      String from =
          !change.containsKey("from") || change.isNull("from")
              ? "(none)"
              : change.getString("from");
      balance.merge(from, -1, Integer::sum);
      balance.merge(change.getString("to"), 1, Integer::sum);
    }
    balance.values().removeIf(v -> v == 0);
    assertThat(balance)
        .as("plan history " + history)
        .isEqualTo(java.util.Map.of("(none)", -1, current, 1));
    JsonObject verify = Api.get("/api/v1/audit/verify", admin).json();
    assertThat(verify.getBoolean("intact")).as(verify.toString()).isTrue();
    List<JsonObject> planEvents =
        Api.get("/api/v1/audit/events?type=PLAN_CHANGED", admin)
            .json()
            .getJsonArray("events")
            .getValuesAs(JsonObject.class);
    assertThat(planEvents).as("one PLAN_CHANGED event per history entry").hasSize(history.size());
  }

  private static String path(String org) {
    return "/api/v1/organizations/" + org;
  }
}
