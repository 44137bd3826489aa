package io.claribi.gateway.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.audit.ChainSeeder;
import io.claribi.credentials.boundary.ProductWar;
import io.claribi.platform.api.DeferredAuditEvent;
import io.claribi.platform.api.OrganizationId;
import it.io.claribi.Api;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Finding 2 of issue 15 on the real journal, writer and database: one organization's usage record
 * that the audit trail refuses (its chain head was set back behind the application's back, so the
 * insert breaks the unique sequence constraint on every database) is set aside, counted and shown
 * to operators, while other organizations' records reach the trail at once.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UsageJournalContainerIT {

  /** The organizations of the refused records start so; the operator's list is checked for it. */
  private static final String REFUSED = "usage-refused-";

  @Deployment
  static WebArchive deployment() {
    return ProductWar.with(
        "usage-journal-it.war", UsageJournalContainerIT.class, ChainSeeder.class);
  }

  @Inject UsageJournal journal;
  @Inject SetAsideUsageRecords setAside;
  @Inject MetricRegistry metrics;

  @Test
  @Order(1)
  void a_refused_record_is_set_aside_counted_and_listed_while_others_are_recorded_at_once()
      throws Exception {
    String refused = REFUSED + UUID.randomUUID().toString().substring(0, 8);
    String ok1 = "usage-ok-" + UUID.randomUUID().toString().substring(0, 8);
    String ok2 = "usage-ok-" + UUID.randomUUID().toString().substring(0, 8);
    ChainSeeder.append(refused, 3, sequence -> Instant.now());
    ChainSeeder.execute("UPDATE audit_chain_heads SET last_sequence = 1 WHERE id = ?", refused);
    long countedBefore = counted();
    String refusedRequest = "req-refused-" + UUID.randomUUID().toString().substring(0, 8);

    journal.record(used(refused, refusedRequest));
    for (int i = 0; i < 10; i++) {
      journal.record(used(i % 2 == 0 ? ok1 : ok2, "req-ok-" + i + "-" + ok1));
    }

    awaitTrue(
        () -> ChainSeeder.count(ok1) == 5 && ChainSeeder.count(ok2) == 5, Duration.ofSeconds(3));
    SetAsideView.Entry entry =
        await(() -> setAsideWith(refusedRequest), Duration.ofSeconds(10)).orElseThrow();
    assertThat(ChainSeeder.count(refused)).isEqualTo(3);
    // counted once the set-aside row has committed: a moment after the row can be seen
    awaitTrue(() -> counted() == countedBefore + 1, Duration.ofSeconds(5));
    assertThat(entry.organization()).isEqualTo(refused);
    assertThat(entry.type()).isEqualTo("CONNECTION_USED");
    assertThat(entry.reason()).contains("SQL state 23");
    assertThat(UsageRecordJson.decode(entry.record()).actor()).isEqualTo("user@" + refused);

    // The journal is not stuck behind it: a later record is written at once.
    journal.record(used(ok1, "req-later-" + ok1));
    awaitTrue(() -> ChainSeeder.count(ok1) == 6, Duration.ofSeconds(3));

    // The cause fixed (the head put back where it was), a retry writes the record into its trail.
    ChainSeeder.execute("UPDATE audit_chain_heads SET last_sequence = 3 WHERE id = ?", refused);
    setAside.retry(entry.id());
    awaitTrue(() -> ChainSeeder.count(refused) == 4, Duration.ofSeconds(5));
    assertThat(setAsideWith(refusedRequest)).isEmpty();

    // A second one stays listed for the operator's view below.
    ChainSeeder.execute("UPDATE audit_chain_heads SET last_sequence = 1 WHERE id = ?", refused);
    journal.record(used(refused, "req-listed-" + refused.substring(REFUSED.length())));
    await(
            () -> setAsideWith("req-listed-" + refused.substring(REFUSED.length())),
            Duration.ofSeconds(10))
        .orElseThrow();
  }

  @Test
  @Order(2)
  @RunAsClient
  void operators_see_records_set_aside_and_the_metric_counts_them() {
    Api.Reply list =
        Api.get(
            "/api/v1/operations/usage-records/set-aside?limit=1000",
            Api.token("platform", "platform-operator"));
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    assertThat(list.json().getJsonNumber("count").longValue()).isPositive();
    assertThat(list.json().getJsonArray("records").getValuesAs(JsonObject.class))
        .anySatisfy(
            record -> {
              assertThat(record.getString("organization")).startsWith(REFUSED);
              assertThat(record.getString("requestId")).startsWith("req-listed-");
              assertThat(record.getString("reason")).contains("SQL state 23");
            });

    Api.Reply admin =
        Api.get(
            "/api/v1/operations/usage-records/set-aside",
            Api.token(Api.newOrganization("x"), "org-admin"));
    assertThat(admin.status()).isEqualTo(403);
    Api.Reply badLimit =
        Api.get(
            "/api/v1/operations/usage-records/set-aside?limit=abc",
            Api.token("platform", "platform-operator"));
    assertThat(badLimit.status()).isEqualTo(400);
    assertThat(badLimit.json().getString("code")).isEqualTo("LIMIT_INVALID");

    assertThat(Api.get("/metrics?scope=application", null).body())
        .containsPattern("claribi_usage_records_set_aside_total\\{[^}]*\\} [1-9]");
  }

  private long counted() {
    // The bean registers it with its description; look it up by name rather than re-declare it.
    return metrics
        .getCounters((id, metric) -> id.getName().equals(SetAsideUsageRecords.METRIC))
        .values()
        .stream()
        .mapToLong(Counter::getCount)
        .sum();
  }

  private Optional<SetAsideView.Entry> setAsideWith(String requestId) {
    return setAside.list(1000).records().stream()
        .filter(entry -> entry.requestId().equals(requestId))
        .findFirst();
  }

  private static DeferredAuditEvent used(String organization, String requestId) {
    return new DeferredAuditEvent(
        new OrganizationId(organization),
        "user@" + organization,
        requestId,
        "127.0.0.1",
        UsageRecording.event(
            "c-1", "demo", "list_customers", "OK", Duration.ofMillis(3), Instant.now()));
  }

  private static <T> Optional<T> await(Callable<Optional<T>> found, Duration within)
      throws Exception {
    long until = System.nanoTime() + within.toNanos();
    while (true) {
      Optional<T> value = found.call();
      if (value.isPresent() || System.nanoTime() > until) {
        return value;
      }
      Thread.sleep(25);
    }
  }

  private static void awaitTrue(Callable<Boolean> condition, Duration within) throws Exception {
    long until = System.nanoTime() + within.toNanos();
    while (!condition.call()) {
      assertThat(System.nanoTime()).as("condition within %s", within).isLessThan(until);
      Thread.sleep(25);
    }
  }
}
