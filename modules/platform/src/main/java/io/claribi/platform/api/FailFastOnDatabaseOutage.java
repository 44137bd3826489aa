package io.claribi.platform.api;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * Lets a read that finds the database gone fail at once instead of retrying it.
 *
 * <p>EclipseLink retries a read made outside a transaction after a communication failure, three
 * times, sleeping 5 s before the second and third retry: a request that reads while the database is
 * away held its thread for about 10 s before it could answer {@code 503 DATABASE_UNAVAILABLE} (seen
 * in {@code ScaleOutIT}). The connection pool already hands out a fresh connection on the next
 * request, and the client is told when to come back ({@code Retry-After}), so a retry in the
 * request thread only ties up the thread (decision 59). Every persistence unit names this class, or
 * {@link TenantGuard}, which applies it, as its {@code eclipselink.session.customizer}.
 */
public class FailFastOnDatabaseOutage implements SessionCustomizer {

  @Override
  public void customize(Session session) {
    session.getLogin().setQueryRetryAttemptCount(0);
    session.getLogin().setDelayBetweenConnectionAttempts(0);
  }
}
