package io.claribi.connections.boundary;

import io.claribi.connections.api.ConnectionState;
import io.claribi.connections.control.Attempts;
import io.claribi.connections.control.Connections;
import io.claribi.connections.control.CrossTenantConnections;
import io.claribi.connections.entity.AuthorizationAttempt;
import io.claribi.connections.entity.Connection;
import io.claribi.connections.entity.ConnectionName;
import io.claribi.connections.entity.ConnectionNames;
import io.claribi.credentials.api.ClientSecret;
import io.claribi.credentials.api.ClientSecretVault;
import io.claribi.credentials.api.CredentialVault;
import io.claribi.credentials.api.TokenSet;
import io.claribi.platform.api.AuditEvent;
import io.claribi.platform.api.AuditEventType;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.DeferredAuditEvent;
import io.claribi.platform.api.ProblemException;
import io.claribi.platform.api.RequestCorrelation;
import io.claribi.platform.api.TenantBinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The transactions of a connect: the PENDING connection with its attempt; the callback spending the
 * attempt; the connection activated with its credential and audit record, or deleted.
 *
 * <p>The callback comes from the vendor's redirect in the admin's browser and carries no token: its
 * single-use state names the organization, and these writes bind it as the system; the audit record
 * names the admin who started the connect.
 */
@ApplicationScoped
public class ConnectTransactions {

  @Inject Connections connections;
  @Inject Attempts attempts;
  @Inject CredentialVault vault;
  @Inject ClientSecretVault clientSecrets;
  @Inject TenantBinding tenancy;
  @Inject RequestCorrelation correlation;
  @Inject Event<DeferredAuditEvent> audit;
  @Inject Clock clock;

  /** What the callback learned from the spent attempt. */
  public record Spent(
      ConnectionId connection,
      String vendor,
      String codeVerifier,
      String issuer,
      String resource,
      String clientId,
      List<String> scopes,
      String redirectUri,
      String returnTo,
      String createdBy,
      boolean expired) {}

  /**
   * A new PENDING connection of the caller's organization, with its name, and its attempt.
   *
   * @throws ProblemException 409 {@code CONNECTION_NAME_TAKEN} if another connection of the vendor
   *     has the name
   * @throws jakarta.persistence.PersistenceException if a connect running at the same time took the
   *     name first (the unique constraint); see {@link #isTaken}
   */
  @Transactional
  public void start(
      VendorName vendor,
      ConnectionName name,
      String createdBy,
      AuthorizationAttempt.Started started) {
    if (ConnectionNames.isTaken(name, namesAt(vendor))) {
      throw nameTaken(vendor, name);
    }
    connections.add(
        new Connection(started.connection(), vendor.id(), name, createdBy, clock.instant()));
    attempts.add(new AuthorizationAttempt(started));
  }

  /** The vendor's name if no connection of it has it, else "Vendor name 2", "3"… */
  @Transactional
  public ConnectionName firstFreeName(VendorName vendor) {
    return ConnectionNames.firstFree(vendor.displayName(), namesAt(vendor));
  }

  /** A vendor's slug and the name people know it by. */
  public record VendorName(String id, String displayName) {}

  /** Whether another connection of the vendor has the name now. */
  @Transactional
  public boolean isTaken(VendorName vendor, ConnectionName name) {
    return ConnectionNames.isTaken(name, namesAt(vendor));
  }

  /** The names of the vendor's connections; one older than names goes by the vendor's name. */
  private List<String> namesAt(VendorName vendor) {
    return connections.at(vendor.id()).stream()
        .map(c -> c.displayName().orElse(vendor.displayName()))
        .toList();
  }

  static ProblemException nameTaken(VendorName vendor, ConnectionName name) {
    return new ProblemException(
        409,
        "CONNECTION_NAME_TAKEN",
        "Connection name taken",
        "Another connection to "
            + vendor.displayName()
            + " is already called \""
            + name
            + "\"; choose another name.");
  }

  /**
   * Spends the attempt: deleted in this transaction, so its state never works again. An expired
   * attempt takes its PENDING connection with it.
   *
   * @throws ProblemException 400 {@code AUTHORIZATION_STATE_INVALID} if another callback spent it
   */
  @Transactional
  public Spent spend(CrossTenantConnections.Attempt where) {
    try (TenantBinding.OperatorScope scope = tenancy.actAsSystemFor(where.organization())) {
      AuthorizationAttempt attempt =
          attempts.lock(where.connection()).orElseThrow(ConnectTransactions::stateInvalid);
      Connection connection =
          connections.find(where.connection()).orElseThrow(ConnectTransactions::stateInvalid);
      attempts.delete(attempt);
      boolean expired = attempt.hasExpired(clock.instant());
      if (expired) {
        connections.delete(connection);
      }
      return new Spent(
          connection.id(),
          connection.vendor(),
          attempt.codeVerifier(),
          attempt.issuer(),
          attempt.resource(),
          attempt.clientId(),
          attempt.scopes(),
          attempt.redirectUri(),
          attempt.returnTo(),
          attempt.createdBy(),
          expired);
    }
  }

  /** A confidential registration's secret, sealed in the caller's organization's vault. */
  @Transactional
  public void keepClientSecret(ClientSecret secret) {
    clientSecrets.keep(secret);
  }

  /** The vendor granted: the token set sealed in the vault, the connection active, audited. */
  @Transactional
  public void activate(CrossTenantConnections.Attempt where, Spent spent, TokenSet tokens) {
    try (TenantBinding.OperatorScope scope = tenancy.actAsSystemFor(where.organization())) {
      Connection connection =
          connections.find(where.connection()).orElseThrow(ConnectTransactions::stateInvalid);
      Instant now = clock.instant();
      vault.store(connection.id(), tokens);
      connection.activate(
          now,
          new Connection.Grant(
              spent.issuer(),
              spent.clientId(),
              spent.resource(),
              List.copyOf(new TreeSet<>(tokens.scopes()))));
      audit.fire(
          new DeferredAuditEvent(
              where.organization(),
              spent.createdBy(),
              correlation.requestId(),
              correlation.clientAddress().orElse(null),
              AuditEvent.forConnection(
                  AuditEventType.CONNECTION_CREATED,
                  connection.id().toString(),
                  connection.vendor(),
                  Map.of("scopes", String.join(" ", new TreeSet<>(tokens.scopes()))))));
    }
  }

  /** The connect failed: its PENDING connection goes, and nothing else of it existed. */
  @Transactional
  public void abandon(CrossTenantConnections.Attempt where) {
    try (TenantBinding.OperatorScope scope = tenancy.actAsSystemFor(where.organization())) {
      connections.find(where.connection()).ifPresent(connections::delete);
    }
  }

  /**
   * A connect nobody finished: its attempt (with the PKCE verifier) and its PENDING connection are
   * deleted, unless a callback spent the attempt meanwhile.
   *
   * @return whether anything was deleted
   */
  @Transactional
  public boolean abandonExpired(CrossTenantConnections.Attempt where) {
    try (TenantBinding.OperatorScope scope = tenancy.actAsSystemFor(where.organization())) {
      Optional<AuthorizationAttempt> attempt = attempts.lock(where.connection());
      if (attempt.isEmpty() || !attempt.get().hasExpired(clock.instant())) {
        return false;
      }
      attempts.delete(attempt.get());
      connections
          .find(where.connection())
          .filter(connection -> connection.state() == ConnectionState.PENDING)
          .ifPresent(connections::delete);
      return true;
    }
  }

  static ProblemException stateInvalid() {
    return new ProblemException(
        400,
        "AUTHORIZATION_STATE_INVALID",
        "Authorization state invalid",
        "This authorization answer is unknown, was already used or has expired; start the"
            + " connect again.");
  }
}
