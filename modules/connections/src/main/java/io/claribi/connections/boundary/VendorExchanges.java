package io.claribi.connections.boundary;

import io.claribi.connections.api.ConnectionExchange;
import io.claribi.credentials.api.Credential;
import io.claribi.credentials.api.InvalidCredentialCiphertextException;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.OrganizationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Function;

/**
 * Every exchange with a vendor that uses a connection's credential (tool calls, resources, tool
 * discovery) goes through here: inside the connection's call fence, with an access token about to
 * expire refreshed first, outside the fence, so a refresh never waits on the vendor while holding
 * the connection row. The exchange is then sent once with whatever the vault holds.
 */
@ApplicationScoped
public class VendorExchanges implements ConnectionExchange {

  @Inject LockedExchange locked;
  @Inject Refreshing refreshing;
  @Inject CredentialLoss credentialLoss;
  @Inject BorrowedCredentials borrowed;

  @Override
  public <T> T send(ConnectionId connection, Function<Credential, T> exchange) {
    try {
      if (locked.sendUnlessRefreshDue(connection, exchange)
          instanceof LockedExchange.Sent<T> sent) {
        return sent.answer();
      }
      refreshing.refresh(connection);
      return locked.send(connection, exchange);
    } catch (InvalidCredentialCiphertextException undecryptable) {
      credentialLoss.undecryptable(connection, undecryptable); // the fence's lock is released
      throw undecryptable;
    }
  }

  @Override
  public <T> T sendFor(
      OrganizationId organization, ConnectionId connection, Function<Credential, T> exchange) {
    return borrowed.send(organization, connection, exchange);
  }
}
