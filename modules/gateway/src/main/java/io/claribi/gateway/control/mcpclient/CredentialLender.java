package io.claribi.gateway.control.mcpclient;

import io.claribi.credentials.api.Credential;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.OrganizationId;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Lends a connection's credential for one message that the MCP SDK sends outside any call of ours:
 * its answer to a vendor's request, the re-opening of its event stream, a re-listing after {@code
 * notifications/tools/list_changed}. The lender takes the normal road (the connection's call fence,
 * the connection's organization bound, the vault, a refresh when due) and holds it until the
 * exchange returns, so a message goes out only while a disconnect could not have committed.
 *
 * <p>An interface because the road lives in the boundary (transactions start there) and the vendor
 * package must not depend on it.
 */
public interface CredentialLender {

  /**
   * Runs {@code exchange} with the credential, on a thread of the lender's own; completes with a
   * {@code ProblemException} if the connection is gone or not active (then nothing was sent).
   */
  <T> CompletableFuture<T> lend(
      OrganizationId organization, ConnectionId connection, Function<Credential, T> exchange);
}
