package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The monthly tool-call quota against the running server, whose Trial plan allows 50 calls
 * (liberty/pom.xml), through a connection made by consent at the demo vendor: a hundred concurrent
 * calls admit exactly fifty, the vendor sees exactly fifty, and the rest are {@code 429
 * QUOTA_EXCEEDED} with the time until the quota resets.
 */
class QuotaIT {

  private static final int QUOTA = 50;
  private static final String TOOL = "retrieve_balance";

  @BeforeAll
  static void serverAcceptsTokens() throws InterruptedException {
    Api.awaitTokensAccepted(Duration.ofSeconds(60));
  }

  @Test
  void a_hundred_concurrent_calls_against_a_quota_of_fifty_admit_exactly_fifty() throws Exception {
    String admin = Gateway.organizationOn(Api.newOrganization("quota"), "TRIAL");
    String connection = Consent.connect(admin, TOOL);
    DemoVendor.clearLog();

    List<Api.Reply> replies = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Future<Api.Reply>> calls = new ArrayList<>();
      for (int i = 0; i < 2 * QUOTA; i++) {
        calls.add(pool.submit(() -> Gateway.call(admin, "connectionId", connection, TOOL, "{}")));
      }
      for (Future<Api.Reply> call : calls) {
        replies.add(call.get(120, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(replies).filteredOn(r -> r.status() == 200).hasSize(QUOTA);
    List<Api.Reply> refused = replies.stream().filter(r -> r.status() != 200).toList();
    assertThat(refused).hasSize(QUOTA).allSatisfy(QuotaIT::isQuotaExceeded);
    assertThat(DemoVendor.toolCallsFor(TOOL)).isEqualTo(QUOTA);

    JsonObject usage = Api.get("/api/v1/organization", admin).json().getJsonObject("toolCalls");
    YearMonth month = YearMonth.now(ZoneOffset.UTC);
    assertThat(usage.getJsonNumber("used").longValue()).isEqualTo(QUOTA);
    assertThat(usage.getJsonNumber("limit").longValue()).isEqualTo(QUOTA);
    assertThat(usage.getString("period")).isEqualTo(month.toString());
    assertThat(Instant.parse(usage.getString("resetsAt")))
        .isEqualTo(month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  @Test
  void a_refused_call_does_not_use_the_quota() throws Exception {
    String admin = Gateway.organizationOn(Api.newOrganization("quota-refused"), "TRIAL");
    String connection = Consent.connect(admin);

    Api.Reply refused = Gateway.call(admin, "connectionId", connection, "create_refund", "{}");

    assertThat(refused.status()).isEqualTo(403);
    JsonObject usage = Api.get("/api/v1/organization", admin).json().getJsonObject("toolCalls");
    assertThat(usage.getJsonNumber("used").longValue()).isZero();
  }

  private static void isQuotaExceeded(Api.Reply reply) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(429);
    assertThat(reply.json().getString("code")).isEqualTo("QUOTA_EXCEEDED");
    long retryAfter =
        Long.parseLong(reply.response().headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isPositive().isLessThanOrEqualTo(31L * 24 * 3600);
  }
}
