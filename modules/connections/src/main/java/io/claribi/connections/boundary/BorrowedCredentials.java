package io.claribi.connections.boundary;

import io.claribi.credentials.api.Credential;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.OrganizationId;
import io.claribi.platform.api.TenantBinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.util.function.Function;

/**
 * One exchange that the MCP SDK starts on its own (an answer to a vendor's request, its event
 * stream, a re-listing), sent the way a call is: inside the connection's call fence, with the token
 * refreshed first when due. It runs on the gateway's session-credential threads, which no request
 * started, in a request context of its own, bound to the connection's organization with the system
 * binding (named in SystemBindingTest). The organization is the one whose call opened the session.
 */
@ApplicationScoped
public class BorrowedCredentials {

  @Inject TenantBinding tenancy;
  @Inject VendorExchanges exchanges;

  @ActivateRequestContext
  public <T> T send(
      OrganizationId organization, ConnectionId connection, Function<Credential, T> exchange) {
    try (TenantBinding.OperatorScope system = tenancy.actAsSystemFor(organization)) {
      return exchanges.send(connection, exchange);
    }
  }
}
