package io.claribi.gateway.boundary;

import io.claribi.connections.api.ConnectionExchange;
import io.claribi.credentials.api.Credential;
import io.claribi.gateway.control.mcpclient.CredentialLender;
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
  static final int STOP_WAIT_SECONDS = 10;

  @Resource ManagedThreadFactory threads;
  @Inject ConnectionExchange borrowed;

  private volatile ThreadPoolExecutor pool;

  void start(@Observes Startup startup) {
    ThreadPoolExecutor started =
        new ThreadPoolExecutor(
            THREADS, THREADS, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), threads);
    started.prestartAllCoreThreads();
    pool = started;
  }

  /**
   * Lets borrows under way finish (bounded) before the application's data source goes: a borrow cut
   * off mid-transaction, or one still running once the application has stopped, fails loudly.
   */
  @PreDestroy
  void stop() {
    ThreadPoolExecutor running = pool;
    if (running == null) {
      return;
    }
    pool = null;
    running.shutdown();
    try {
      if (!running.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
        running.shutdownNow();
      }
    } catch (InterruptedException interrupted) {
      running.shutdownNow();
      Thread.currentThread().interrupt();
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
          () -> borrowed.sendFor(organization, connection, exchange), running);
    } catch (RejectedExecutionException busy) {
      return CompletableFuture.failedFuture(busy); // nothing is sent without a credential
    }
  }
}
