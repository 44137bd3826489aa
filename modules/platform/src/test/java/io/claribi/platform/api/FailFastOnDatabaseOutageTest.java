package io.claribi.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.persistence.platform.database.PostgreSQLPlatform;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Project;
import org.eclipse.persistence.sessions.Session;
import org.junit.jupiter.api.Test;

class FailFastOnDatabaseOutageTest {

  @Test
  void a_read_that_meets_a_lost_database_is_not_retried() {
    Session session =
        new Project(new DatabaseLogin(new PostgreSQLPlatform())).createDatabaseSession();
    // EclipseLink's own default: three retries, 5 s apart after the first
    assertThat(session.getLogin().getQueryRetryAttemptCount()).isEqualTo(3);

    new FailFastOnDatabaseOutage().customize(session);

    assertThat(session.getLogin().getQueryRetryAttemptCount()).isZero();
    assertThat(session.getLogin().getDelayBetweenConnectionAttempts()).isZero();
  }

  @Test
  void the_tenant_guard_fails_fast_as_well() {
    Session session =
        new Project(new DatabaseLogin(new PostgreSQLPlatform())).createDatabaseSession();

    new TenantGuard().customize(session);

    assertThat(session.getLogin().getQueryRetryAttemptCount()).isZero();
  }
}
