package io.claribi.connections.control.vendor;

import io.claribi.credentials.api.Credential;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.OrganizationId;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** The lender bound to one session's connection and the organization that owns it. */
record Borrowing(CredentialLender lender, OrganizationId organization, ConnectionId connection) {

  <T> CompletableFuture<T> lend(Function<Credential, T> exchange) {
    return lender.lend(organization, connection, exchange);
  }
}
