package io.claribi.connections.boundary;

import static io.claribi.connections.control.authorization.AuthorizationException.Reason.VENDOR_METADATA_INVALID;

import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import io.claribi.catalog.api.Catalog;
import io.claribi.catalog.api.RegisteredClient;
import io.claribi.catalog.api.Vendor;
import io.claribi.catalog.api.VendorId;
import io.claribi.catalog.api.VendorKind;
import io.claribi.connections.api.ConnectionActivated;
import io.claribi.connections.api.VendorEntitlement;
import io.claribi.connections.control.ConnectSettings;
import io.claribi.connections.control.CrossTenantConnections;
import io.claribi.connections.control.authorization.AuthorizationCallback;
import io.claribi.connections.control.authorization.AuthorizationException;
import io.claribi.connections.control.authorization.AuthorizationStart;
import io.claribi.connections.control.authorization.ClientRegistration;
import io.claribi.connections.control.authorization.ClientRegistration.ClientAuthMethod;
import io.claribi.connections.control.authorization.ClientRegistration.Source;
import io.claribi.connections.control.authorization.ConfiguredClients;
import io.claribi.connections.control.authorization.LentClient;
import io.claribi.connections.control.authorization.ResourceMetadata;
import io.claribi.connections.control.authorization.ScopeSelection;
import io.claribi.connections.control.authorization.VendorAuthorization;
import io.claribi.connections.entity.AuthorizationAttempt;
import io.claribi.connections.entity.ConnectionName;
import io.claribi.credentials.api.ClientSecretVault;
import io.claribi.credentials.api.TokenSet;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.ProblemException;
import io.claribi.platform.api.Sha256;
import io.claribi.platform.api.TenantBinding;
import io.claribi.platform.api.VerifiedCaller;
import io.claribi.tiering.api.Entitlements;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Connecting a vendor, both legs: {@link #begin} (an org admin asks; discovery, registration and
 * the consent URL) and {@link #complete} (the vendor's redirect comes back; state, issuer and PKCE
 * checked, the code exchanged, the connection activated). No transaction is open while a vendor is
 * asked anything.
 */
@ApplicationScoped
public class Connecting {

  private static final Logger LOG = Logger.getLogger(Connecting.class.getName());

  @Inject Catalog catalog;
  @Inject Entitlements entitlements;
  @Inject VendorAuthorization authorization;
  @Inject ConnectSettings settings;
  @Inject ConnectTransactions records;
  @Inject CrossTenantConnections crossTenant;
  @Inject Event<ConnectionActivated> activated;
  @Inject TenantBinding tenancy;
  @Inject VerifiedCaller caller;
  @Inject Clock clock;
  @Inject ClientSecretVault clientSecrets;
  @Inject ConfiguredClients clients;

  /** What the admin gets back: the PENDING connection, its name and where to consent. */
  public record Started(
      ConnectionId connectionId, String displayName, URI authorizationUrl, Instant expiresAt) {}

  /** A connect whose connection gets the first free name: the vendor's, or "Vendor name 2"… */
  public Started begin(String vendorSlug, String returnTo) {
    return begin(vendorSlug, null, returnTo);
  }

  /**
   * @param displayName what to call the connection, or null for the first free name
   * @throws ProblemException 400 {@code CONNECTION_NAME_INVALID} for a blank or too long name, 409
   *     {@code CONNECTION_NAME_TAKEN} if another connection to the vendor has it; both before the
   *     vendor is asked anything
   */
  public Started begin(String vendorSlug, String displayName, String returnTo) {
    Vendor vendor =
        catalog
            .vendor(VendorId.parse(vendorSlug))
            .orElseThrow(() -> ProblemException.notFound("Vendor " + vendorSlug));
    VendorEntitlement.require(entitlements.currentPlan(), vendor);
    URI back = allowedReturn(returnTo);
    ConnectTransactions.VendorName named =
        new ConnectTransactions.VendorName(vendor.id().value(), vendor.displayName());
    Optional<ConnectionName> asked = Optional.ofNullable(displayName).map(Connecting::name);
    if (asked.isPresent() && records.isTaken(named, asked.get())) {
      throw ConnectTransactions.nameTaken(named, asked.get());
    }

    Target target = vendor.kind() == VendorKind.MCP ? mcpTarget(vendor) : nativeTarget(vendor);
    AuthorizationServerMetadata server = target.server();
    String issuer = server.getIssuer().getValue();
    ClientRegistration client = registration(vendor, server);
    Set<String> scopes = target.scopes();
    AuthorizationStart start =
        AuthorizationStart.begin(
            server, client, settings.callback(), scopes, target.resourceIndicator());

    ConnectionId connection = ConnectionId.random();
    Instant expiresAt = clock.instant().plus(settings.attemptLifetime());
    AuthorizationAttempt.Started attempt =
        new AuthorizationAttempt.Started(
            connection,
            hash(start.state()),
            start.verifier(),
            issuer,
            target.resource().toString(),
            client.clientId(),
            scopes,
            settings.callback().toString(),
            back.toString(),
            caller.actor(),
            expiresAt);
    ConnectionName name = startNamed(named, asked, attempt);
    return new Started(connection, name.value(), start.authorizationUrl(), expiresAt);
  }

  /** How many times a connect nobody named tries the next free name after losing a race. */
  private static final int NAME_RACES = 3;

  /**
   * The PENDING connection and its attempt. A connect running at the same time may take the same
   * name first (the unique constraint refuses the second): an asked name is then refused, a name
   * nobody asked for is chosen again.
   */
  private ConnectionName startNamed(
      ConnectTransactions.VendorName vendor,
      Optional<ConnectionName> asked,
      AuthorizationAttempt.Started attempt) {
    for (int race = 1; ; race++) {
      ConnectionName name = asked.orElseGet(() -> records.firstFreeName(vendor));
      try {
        records.start(vendor, name, caller.actor(), attempt);
        return name;
      } catch (PersistenceException | ProblemException lost) {
        boolean nameLost =
            lost instanceof PersistenceException
                ? records.isTaken(vendor, name)
                : "CONNECTION_NAME_TAKEN".equals(((ProblemException) lost).code());
        if (!nameLost || asked.isPresent() && lost instanceof ProblemException) {
          throw lost;
        }
        if (asked.isPresent()) {
          throw ConnectTransactions.nameTaken(vendor, name);
        }
        if (race == NAME_RACES) {
          throw lost;
        }
        LOG.fine(
            () -> "A connect to " + vendor.id() + " lost the name " + name + "; choosing again");
      }
    }
  }

  private static ConnectionName name(String typed) {
    try {
      return ConnectionName.parse(typed);
    } catch (IllegalArgumentException invalid) {
      throw ProblemException.badRequest("CONNECTION_NAME_INVALID", invalid.getMessage());
    }
  }

  /**
   * Finishes a connect from the vendor's answer.
   *
   * @return where to send the admin's browser: the connect's {@code returnTo} with the result
   * @throws ProblemException 400 {@code AUTHORIZATION_STATE_INVALID} for a missing, unknown, used
   *     or foreign state: there is no trusted place to send the browser to
   */
  public URI complete(Map<String, List<String>> answer) {
    String state =
        Optional.ofNullable(answer.get("state"))
            .filter(values -> values.size() == 1)
            .map(values -> values.get(0))
            .orElseThrow(ConnectTransactions::stateInvalid);
    CrossTenantConnections.Attempt where =
        crossTenant.attemptWithState(hash(state)).orElseThrow(ConnectTransactions::stateInvalid);
    ConnectTransactions.Spent spent = records.spend(where);
    if (spent.expired()) {
      return result(spent, "failed", Optional.of("AUTHORIZATION_EXPIRED"));
    }
    try {
      AuthorizationServerMetadata server = authorization.servers().discover(spent.issuer());
      boolean issPromised = Boolean.TRUE.equals(server.supportsAuthorizationResponseIssuerParam());
      String code = AuthorizationCallback.code(answer, spent.issuer(), issPromised);
      TokenSet tokens;
      try (TenantBinding.OperatorScope scope = tenancy.actAsSystemFor(where.organization())) {
        tokens =
            LentClient.with(
                clients.forVendor(spent.vendor(), spent.issuer()),
                clientSecrets,
                spent.issuer(),
                spent.clientId(),
                client ->
                    authorization
                        .tokens()
                        .exchange(
                            server,
                            client,
                            code,
                            URI.create(spent.redirectUri()),
                            spent.codeVerifier(),
                            ResourceIndicator.forVendor(catalog, spent.vendor(), spent.resource()),
                            new LinkedHashSet<>(spent.scopes())));
      }
      records.activate(where, spent, tokens);
    } catch (ProblemException failure) {
      records.abandon(where);
      LOG.info(() -> "Connect of " + spent.connection() + " failed: " + failure.getMessage());
      return result(spent, "failed", Optional.of(failure.code()));
    } catch (RuntimeException unexpected) {
      records.abandon(where); // a 500 with an incident id, and still no PENDING leftover
      throw unexpected;
    }
    discoverTools(where);
    return result(spent, "connected", Optional.empty());
  }

  /**
   * Whom to ask for consent, for which scopes, and for which resource.
   *
   * @param resource what the grant is for, kept with the connection
   * @param resourceIndicator the RFC 8707 {@code resource} parameter to send, or null for none
   */
  private record Target(
      AuthorizationServerMetadata server,
      Set<String> scopes,
      URI resource,
      URI resourceIndicator) {}

  /**
   * An MCP vendor's server names its authorization server and scopes in its protected-resource
   * metadata (RFC 9728); the scopes are the catalog's read scopes that the server offers.
   */
  private Target mcpTarget(Vendor vendor) {
    ResourceMetadata resource = authorization.resources().discover(vendor.serverUrl());
    AuthorizationServerMetadata server =
        authorization.servers().discover(resource.authorizationServers().get(0));
    Set<String> scopes =
        ScopeSelection.select(
            new LinkedHashSet<>(vendor.readScopes()),
            resource,
            server.getScopes() == null ? null : server.getScopes().toStringList());
    if (scopes.isEmpty() && !vendor.readScopes().isEmpty()) {
      throw new AuthorizationException(
          VENDOR_METADATA_INVALID,
          vendor.id() + " offers none of the read scopes the catalog lists for it.");
    }
    return new Target(server, scopes, resource.resource(), resource.resource());
  }

  /**
   * A native connector's REST API publishes no resource metadata: the catalog names its
   * authorization server and the exact read scopes to ask for (authorization servers such as
   * Google's do not list API scopes in their metadata). No resource indicator is sent: these
   * servers do not implement RFC 8707.
   */
  private Target nativeTarget(Vendor vendor) {
    URI issuer =
        vendor
            .authorizationServer()
            .orElseThrow(
                () ->
                    new AuthorizationException(
                        VENDOR_METADATA_INVALID,
                        vendor.id() + " has no authorization server in the catalog."));
    AuthorizationServerMetadata server = authorization.servers().discover(issuer.toString());
    return new Target(server, new LinkedHashSet<>(vendor.readScopes()), vendor.serverUrl(), null);
  }

  /**
   * The gateway lists the vendor's tools for the operator; a failure there does not undo the
   * connection.
   */
  private void discoverTools(CrossTenantConnections.Attempt where) {
    try (TenantBinding.OperatorScope scope = tenancy.actAsSystemFor(where.organization())) {
      activated.fire(new ConnectionActivated(where.connection()));
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "Tool discovery after connecting " + where.connection() + " failed", e);
    }
  }

  /**
   * This product's client at the server: a registration the catalog keeps (pre-registered, or a
   * public client registered earlier), else the organization's own confidential registration, else
   * a new registration. A public client is shared by every organization; a confidential one belongs
   * to the organization that made it, and its secret is sealed in that organization's vault like
   * its tokens.
   */
  private ClientRegistration registration(Vendor vendor, AuthorizationServerMetadata server) {
    String issuer = server.getIssuer().getValue();
    Optional<ClientRegistration> operators = clients.forVendor(vendor.id().value(), issuer);
    if (operators.isPresent()) {
      return operators.get();
    }
    Optional<RegisteredClient> known = catalog.registeredClient(issuer);
    if (known.isPresent()) {
      return ClientRegistration.publicClient(
          issuer, known.get().clientId(), Source.valueOf(known.get().source()));
    }
    Optional<ClientRegistration> confidential = LentClient.known(clientSecrets, issuer);
    if (confidential.isPresent()) {
      return confidential.get();
    }
    ClientRegistration made =
        authorization
            .registrar()
            .register(server, settings.clientMetadataDocument(), settings.callback());
    if (made.authMethod() != ClientAuthMethod.NONE) {
      records.keepClientSecret(LentClient.toKeep(made));
      return made;
    }
    RegisteredClient kept =
        catalog.keepRegistration(
            new RegisteredClient(
                issuer,
                made.clientId(),
                made.source().name(),
                Optional.of(settings.callback().toString())));
    return ClientRegistration.publicClient(issuer, kept.clientId(), made.source());
  }

  private URI allowedReturn(String returnTo) {
    URI uri;
    try {
      uri = returnTo == null ? null : URI.create(returnTo);
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (uri == null
        || !uri.isAbsolute()
        || uri.getRawUserInfo() != null
        || uri.getRawFragment() != null
        || !settings.returnOrigins().contains(ConnectSettings.origin(uri))) {
      throw ProblemException.badRequest(
          "RETURN_TO_NOT_ALLOWED",
          "returnTo must be an absolute URL on an allowed origin "
              + settings.returnOrigins()
              + ", without user info or fragment.");
    }
    return uri;
  }

  private static URI result(ConnectTransactions.Spent spent, String result, Optional<String> code) {
    String query =
        "connection="
            + spent.connection()
            + "&result="
            + result
            + code.map(c -> "&code=" + URLEncoder.encode(c, StandardCharsets.UTF_8)).orElse("");
    String base = spent.returnTo();
    return URI.create(base + (base.contains("?") ? "&" : "?") + query);
  }

  static String hash(String state) {
    return Sha256.hex(state);
  }
}
