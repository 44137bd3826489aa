package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: usage records survive a {@code kill -9} of the server right after the calls answered.
 * On PostgreSQL the test holds the organization's audit chain head locked while the calls run and
 * the server dies, so no record can have reached the trail before the kill: each one must come from
 * the outbox after the restart (with the old in-memory journal, all of them were lost). On Derby,
 * embedded in the server, nothing outside can hold that lock; the kill follows the last answer at
 * once.
 */
class UsageRecordsKillRestartIT {

  private static final int CALLS = 30;
  private static final String BASE = Api.BASE;

  @Test
  void every_usage_record_of_answered_calls_is_in_the_trail_after_a_kill_and_restart()
      throws Exception {
    LibertyServer.awaitReady(BASE, Duration.ofSeconds(180));
    Api.awaitTokensAccepted(Duration.ofSeconds(60));
    String organization = Api.newOrganization("killed");
    String admin = Gateway.organizationOn(organization, "ENTERPRISE");
    String connection = Consent.connect(admin, "retrieve_balance");

    LibertyServer server = LibertyServer.underTest();
    try (Connection chainHeld = holdChainHead(organization).orElse(null)) {
      for (int i = 0; i < CALLS; i++) {
        Api.Reply called =
            Gateway.call(admin, "connectionId", connection, "retrieve_balance", "{}");
        assertThat(called.status()).as(called.toString()).isEqualTo(200);
      }
      server.killNine();
      if (chainHeld != null) {
        chainHeld.rollback();
      }
    }

    server.start();
    LibertyServer.awaitReady(BASE, Duration.ofSeconds(180));
    Api.awaitTokensAccepted(Duration.ofSeconds(60));

    List<JsonObject> used = awaitUsed(admin, connection, Duration.ofSeconds(60));
    assertThat(used).hasSize(CALLS);
    assertThat(used)
        .allSatisfy(
            event -> {
              JsonObject details = event.getJsonObject("details");
              assertThat(details.getString("tool")).isEqualTo("retrieve_balance");
              assertThat(details.getString("outcome")).isEqualTo("OK");
              assertThat(Instant.parse(details.getString("calledAt"))).isBefore(Instant.now());
            });
  }

  /** PostgreSQL only: the chain head row locked in an open transaction of the test's own. */
  private static Optional<Connection> holdChainHead(String organization) throws Exception {
    if (!"postgresql".equals(System.getProperty("claribi.db.kind"))) {
      return Optional.empty();
    }
    Connection db =
        DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:5432/test?currentSchema="
                + System.getProperty("claribi.db.schema"),
            "postgres",
            "");
    db.setAutoCommit(false);
    try (PreparedStatement lock =
        db.prepareStatement("SELECT id FROM audit_chain_heads WHERE id = ? FOR UPDATE")) {
      lock.setString(1, organization);
      assertThat(lock.executeQuery().next()).as("the organization's chain has begun").isTrue();
    }
    return Optional.of(db);
  }

  private static List<JsonObject> awaitUsed(String admin, String connection, Duration within)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(within);
    List<JsonObject> used = List.of();
    while (Instant.now().isBefore(deadline)) {
      Api.Reply page =
          Api.get("/api/v1/audit/events?connection=" + connection + "&type=CONNECTION_USED", admin);
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      used = page.json().getJsonArray("events").getValuesAs(JsonObject.class);
      if (used.size() >= CALLS) {
        return used;
      }
      TimeUnit.MILLISECONDS.sleep(250);
    }
    return used;
  }
}
