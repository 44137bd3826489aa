package io.claribi.connections.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.connections.entity.AuthorizationAttempt;
import io.claribi.credentials.boundary.ActingCaller;
import io.claribi.credentials.boundary.DatabaseDump;
import io.claribi.credentials.boundary.ProductWar;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.OrganizationId;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Connects nobody finished, inside Liberty on the configured database: once its attempt has
 * expired, the sweep deletes the attempt (with its PKCE verifier) and the PENDING connection; an
 * attempt still in time is left alone.
 */
@ExtendWith(ArquillianExtension.class)
class AbandonedConnectsContainerIT {

  @Deployment
  static WebArchive deployment() {
    return ProductWar.with(
        "abandoned-connects-it.war",
        AbandonedConnectsContainerIT.class,
        ActingCaller.class,
        DatabaseDump.class);
  }

  @Inject ConnectRecords records;
  @Inject AbandonedConnects sweep;
  @Inject ActingCaller caller;

  @Test
  void an_expired_connect_leaves_no_row_and_one_in_time_stays() throws Exception {
    caller.actFor(new OrganizationId("abandoned-" + UUID.randomUUID().toString().substring(0, 8)));
    ConnectionId expired = start(Instant.now().minus(Duration.ofMinutes(1)));
    ConnectionId inTime = start(Instant.now().plus(Duration.ofMinutes(10)));
    assertThat(DatabaseDump.containing(expired.toString())).hasSize(2);

    int deleted = sweepInTheBackground();

    assertThat(deleted).isGreaterThanOrEqualTo(1);
    assertThat(DatabaseDump.containing(expired.toString(), "verifier-" + expired)).isEmpty();
    assertThat(DatabaseDump.containing(inTime.toString())).hasSize(2);
    assertThat(sweepInTheBackground()).isZero();
  }

  /** As the scheduler runs it: on a managed thread, outside any request. */
  private int sweepInTheBackground() throws Exception {
    ManagedExecutorService background =
        InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
    return background.submit(sweep::sweep).get(30, TimeUnit.SECONDS);
  }

  private ConnectionId start(Instant expiresAt) {
    ConnectionId connection = ConnectionId.random();
    records.start(
        "acme-payments",
        "admin@example.com",
        new AuthorizationAttempt.Started(
            connection,
            UUID.randomUUID().toString().replace("-", "")
                + UUID.randomUUID().toString().replace("-", ""),
            "verifier-" + connection,
            "https://auth.example.com",
            "https://vendor.example.com/mcp",
            "claribi",
            Set.of("payments:read"),
            "http://localhost:9080/api/v1/connections/callback",
            "http://localhost:9080/",
            "admin@example.com",
            expiresAt));
    return connection;
  }
}
