package io.claribi.connections.boundary;

import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import io.claribi.catalog.api.Catalog;
import io.claribi.connections.api.ConnectionProblems;
import io.claribi.connections.control.ConnectSettings;
import io.claribi.connections.control.authorization.AuthorizationException;
import io.claribi.connections.control.authorization.AuthorizationException.Reason;
import io.claribi.connections.control.authorization.ConfiguredClients;
import io.claribi.connections.control.authorization.LentClient;
import io.claribi.connections.control.authorization.LentGrant;
import io.claribi.connections.control.authorization.TokenEndpoint;
import io.claribi.connections.control.authorization.VendorAuthorization;
import io.claribi.connections.entity.Connection;
import io.claribi.credentials.api.ClientSecretVault;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Refreshes a connection's access token before it expires. The authorization server's metadata is
 * read first, outside any transaction; then the vault's row lock is taken, which every node sharing
 * the database respects, and the refresh token is spent only if no other call has renewed the
 * credential in the meantime. The new tokens commit in that transaction alone; the audit record
 * follows in its own. A grant the vendor refuses marks the connection {@code NEEDS_REAUTH}.
 */
@ApplicationScoped
public class Refreshing {

  private static final Logger LOG = Logger.getLogger(Refreshing.class.getName());

  /** Refusals that no retry will cure: the admin must consent again. */
  private static final Set<Reason> GRANT_REFUSED =
      EnumSet.of(Reason.VENDOR_TOKEN_REJECTED, Reason.VENDOR_SCOPE_ESCALATION);

  @Inject RefreshTransactions records;
  @Inject VendorAuthorization authorization;
  @Inject Catalog catalog;
  @Inject ConfiguredClients clients;
  @Inject ConnectSettings settings;
  @Inject Clock clock;
  @Inject ClientSecretVault clientSecrets;

  /**
   * @throws ProblemException 409 {@code CONNECTION_NEEDS_REAUTH} if the vendor refused the refresh,
   *     or the connection has no grant to refresh; the vendor's 503 if it could not be reached
   */
  public void refresh(ConnectionId connection) {
    RefreshTransactions.Granted granted = records.grantOf(connection);
    Optional<Connection.Grant> grant = granted.grant();
    if (grant.isEmpty()) {
      records.requireReauthorization(connection, "NO_REFRESHABLE_GRANT");
      throw ConnectionProblems.needsReauth(
          connection, "it was connected without a refreshable grant");
    }
    AuthorizationServerMetadata server = authorization.servers().discover(grant.get().issuer());
    TokenEndpoint tokens = authorization.tokens();
    URI resource = ResourceIndicator.forVendor(catalog, granted.vendor(), grant.get().resource());
    try {
      LentClient.with(
          clients.forVendor(granted.vendor(), grant.get().issuer()),
          clientSecrets,
          grant.get().issuer(),
          grant.get().clientId(),
          client ->
              records
                  .renew(
                      connection,
                      clock.instant().plus(settings.refreshAhead()),
                      credential -> {
                        TokenEndpoint.Refreshed refreshed =
                            LentGrant.refresh(tokens, server, client, credential, resource);
                        return new RefreshTransactions.Renewal(
                            refreshed.tokens(), refreshed.rotated());
                      })
                  .map(renewed -> audited(connection, granted.vendor(), renewed)));
    } catch (AuthorizationException refused) {
      if (!GRANT_REFUSED.contains(refused.reason())) {
        throw refused;
      }
      LOG.info(() -> "Refresh of " + connection + " refused: " + refused.getMessage());
      records.requireReauthorization(connection, refused.code());
      throw ConnectionProblems.needsReauth(
          connection, "the vendor refused to refresh its grant (" + refused.code() + ")");
    }
  }

  /**
   * The renewal is committed by now. Its audit record comes second: a failure to write it is logged
   * and the call goes on, because rolling back tokens the vendor has issued (and so spending its
   * rotated refresh token for nothing) would cost the admin a re-consent (docs/audit.md).
   */
  private boolean audited(
      ConnectionId connection, String vendor, RefreshTransactions.Renewed renewed) {
    try {
      records.recordRefreshed(connection, vendor, renewed);
      return true;
    } catch (RuntimeException failed) {
      LOG.warning(
          () ->
              "The refresh of "
                  + connection
                  + " is stored, but its CREDENTIAL_REFRESHED record could not be written: "
                  + failed.getClass().getSimpleName());
      return false;
    }
  }
}
