package io.claribi.connections.boundary;

import io.claribi.connections.control.vendor.CredentialLender;
import io.claribi.credentials.api.Credential;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.OrganizationId;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Lends credentials to vendor sessions for the messages the SDK sends outside our calls ({@link
 * CredentialLender}), on a few threads of its own: the SDK's threads must not block on the
 * database, and these threads are made at startup, so they carry no caller's identity.
 */
@ApplicationScoped
public class SessionCredentials implements CredentialLender {

  static final int THREADS = 4;
  static final int QUEUE = 1_000;

  @Resource ManagedThreadFactory threads;
  @Inject BorrowedCredentials borrowed;

  private volatile ThreadPoolExecutor pool;

  void start(@Observes Startup startup) {
    ThreadPoolExecutor started =
        new ThreadPoolExecutor(
            THREADS, THREADS, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), threads);
    started.prestartAllCoreThreads();
    pool = started;
  }

  @PreDestroy
  void stop() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  @Override
  public <T> CompletableFuture<T> lend(
      OrganizationId organization, ConnectionId connection, Function<Credential, T> exchange) {
    ThreadPoolExecutor running = pool;
    if (running == null) {
      return CompletableFuture.failedFuture(
          new RejectedExecutionException("not started: nothing is lent"));
    }
    try {
      return CompletableFuture.supplyAsync(
          () -> borrowed.send(organization, connection, exchange), running);
    } catch (RejectedExecutionException busy) {
      return CompletableFuture.failedFuture(busy); // nothing is sent without a credential
    }
  }
}
