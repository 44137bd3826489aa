package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The monthly tool-call quota against the running server, whose Trial plan allows 50 calls
 * (liberty/pom.xml), through a connection made by consent at the demo vendor: 64 concurrent callers
 * with N calls left admit exactly N, the vendor sees exactly those, and the rest are {@code 429
 * QUOTA_EXCEEDED} with the time until the quota resets, also when the quota was lowered mid-month.
 */
class QuotaIT {

  static final int CALLERS = 64;
  static final int TRIAL_QUOTA = 50;
  static final String TOOL = "retrieve_balance";

  @BeforeAll
  static void serverAcceptsTokens() throws InterruptedException {
    Api.awaitTokensAccepted(Duration.ofSeconds(60));
  }

  @Test
  void sixty_four_concurrent_callers_with_n_calls_left_admit_exactly_n() throws Exception {
    String bystander = Gateway.organizationOn(Api.newOrganization("quota-bystander"), "TRIAL");
    String bystanderConnection = Consent.connect(bystander, TOOL);
    assertThat(call(bystander, bystanderConnection).status()).isEqualTo(200);
    String admin = Gateway.organizationOn(Api.newOrganization("quota"), "TRIAL");
    String connection = Consent.connect(admin, TOOL);
    int before = 18;
    for (int i = 0; i < before; i++) {
      assertThat(call(admin, connection).status()).isEqualTo(200);
    }
    DemoVendor.clearLog();

    List<Api.Reply> replies = concurrently(CALLERS, () -> call(admin, connection));

    int left = TRIAL_QUOTA - before;
    assertThat(replies).filteredOn(r -> r.status() == 200).hasSize(left);
    List<Api.Reply> refused = replies.stream().filter(r -> r.status() != 200).toList();
    assertThat(refused).hasSize(CALLERS - left).allSatisfy(QuotaIT::isQuotaExceeded);
    assertThat(DemoVendor.toolCallsFor(TOOL)).isEqualTo(left);
    isQuotaExceeded(call(admin, connection));

    JsonObject usage = usage(admin);
    YearMonth month = YearMonth.now(ZoneOffset.UTC);
    assertThat(usage.getJsonNumber("used").longValue()).isEqualTo(TRIAL_QUOTA);
    assertThat(usage.getJsonNumber("limit").longValue()).isEqualTo(TRIAL_QUOTA);
    assertThat(usage.getString("period")).isEqualTo(month.toString());
    assertThat(Instant.parse(usage.getString("resetsAt")))
        .isEqualTo(month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    // the other organization's meter of the same month was not touched
    assertThat(usage(bystander).getJsonNumber("used").longValue()).isOne();
  }

  @Test
  void a_quota_lowered_mid_month_admits_only_what_is_left_of_the_new_quota() throws Exception {
    String org = Api.newOrganization("quota-downgrade");
    String admin = Gateway.organizationOn(org, "STARTER");
    String connection = Consent.connect(admin, TOOL);
    List<Api.Reply> onStarter = concurrently(30, () -> call(admin, connection));
    assertThat(onStarter).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(200));
    assertThat(usage(admin).getJsonNumber("used").longValue()).isEqualTo(30);

    Gateway.organizationOn(org, "TRIAL");
    DemoVendor.clearLog();
    List<Api.Reply> onTrial = concurrently(CALLERS, () -> call(admin, connection));

    assertThat(onTrial).filteredOn(r -> r.status() == 200).hasSize(TRIAL_QUOTA - 30);
    assertThat(onTrial.stream().filter(r -> r.status() != 200).toList())
        .hasSize(CALLERS - (TRIAL_QUOTA - 30))
        .allSatisfy(QuotaIT::isQuotaExceeded);
    assertThat(DemoVendor.toolCallsFor(TOOL)).isEqualTo(TRIAL_QUOTA - 30);
    JsonObject usage = usage(admin);
    assertThat(usage.getJsonNumber("used").longValue()).isEqualTo(TRIAL_QUOTA);
    assertThat(usage.getJsonNumber("limit").longValue()).isEqualTo(TRIAL_QUOTA);
  }

  @Test
  void a_refused_call_does_not_use_the_quota() throws Exception {
    String admin = Gateway.organizationOn(Api.newOrganization("quota-refused"), "TRIAL");
    String connection = Consent.connect(admin);

    Api.Reply refused = Gateway.call(admin, "connectionId", connection, "create_refund", "{}");

    assertThat(refused.status()).isEqualTo(403);
    assertThat(usage(admin).getJsonNumber("used").longValue()).isZero();
  }

  static Api.Reply call(String token, String connection) {
    return retryingWhileBusy(() -> Gateway.call(token, "connectionId", connection, TOOL, "{}"));
  }

  /**
   * As a client does on {@code 429 TOO_MANY_CONCURRENT_CALLS} or {@code 503 GATEWAY_BUSY} (a node
   * busy with calls under way; neither counts the call): tries again shortly, so that every caller
   * ends with an answer of the quota's.
   */
  static Api.Reply retryingWhileBusy(java.util.function.Supplier<Api.Reply> call) {
    for (int attempt = 0; ; attempt++) {
      Api.Reply reply = call.get();
      boolean busy =
          reply.status() == 429 && reply.body().contains("\"code\":\"TOO_MANY_CONCURRENT_CALLS\"");
      if (!busy || attempt == 200) {
        return reply;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return reply;
      }
    }
  }

  static JsonObject usage(String token) {
    return Api.get("/api/v1/organization", token).json().getJsonObject("toolCalls");
  }

  /** {@code count} calls released together, each on its own thread; their replies. */
  static List<Api.Reply> concurrently(int count, java.util.concurrent.Callable<Api.Reply> call)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Api.Reply>> calls = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        calls.add(
            pool.submit(
                () -> {
                  start.await();
                  return call.call();
                }));
      }
      start.countDown();
      List<Api.Reply> replies = new ArrayList<>();
      for (Future<Api.Reply> reply : calls) {
        replies.add(reply.get(180, TimeUnit.SECONDS));
      }
      return replies;
    } finally {
      pool.shutdownNow();
    }
  }

  static void isQuotaExceeded(Api.Reply reply) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(429);
    assertThat(reply.json().getString("code")).isEqualTo("QUOTA_EXCEEDED");
    long retryAfter =
        Long.parseLong(reply.response().headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isPositive().isLessThanOrEqualTo(31L * 24 * 3600);
  }
}
