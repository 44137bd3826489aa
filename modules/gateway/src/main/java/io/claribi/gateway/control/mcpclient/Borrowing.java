package io.claribi.gateway.control.mcpclient;

import io.claribi.credentials.api.Credential;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.OrganizationId;
import io.claribi.platform.api.ProblemException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The lender bound to one session's connection and the organization that owns it. When a borrow
 * finds the connection gone, not active, or its token expired for good, {@code gone} runs: the
 * session is of no use any more (another node may have disconnected it) and stops listening.
 */
record Borrowing(
    CredentialLender lender, OrganizationId organization, ConnectionId connection, Runnable gone) {

  <T> CompletableFuture<T> lend(Function<Credential, T> exchange) {
    return lender
        .lend(organization, connection, exchange)
        .whenComplete(
            (done, failure) -> {
              if (failure != null && connectionGone(failure)) {
                gone.run();
              }
            });
  }

  /** 404 (disconnected), 409 (not active, needs re-authorization) or a credential past use. */
  static boolean connectionGone(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause instanceof VendorTransport.NoCredentialLent
        || cause instanceof ProblemException problem
            && (problem.status() == 404 || problem.status() == 409);
  }
}
