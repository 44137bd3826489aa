package io.claribi.connections.entity;

import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.TenantBinding;
import io.claribi.platform.api.UtcInstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A connect in progress: what the callback needs to finish it. Found by the hash of its {@code
 * state} (the state itself is never stored) and deleted when the callback spends it, so a state
 * works once. Expires after a few minutes.
 */
@Entity
@Table(name = "connection_attempts")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = TenantBinding.COLUMN, contextProperty = TenantBinding.PROPERTY)
public class AuthorizationAttempt {

  @Id
  @Column(name = "connection_id", length = 36)
  private String connectionId;

  @Column(name = "state_hash", nullable = false, length = 64, unique = true)
  private String stateHash;

  @Column(name = "code_verifier", nullable = false, length = 128)
  private String codeVerifier;

  @Column(name = "issuer", nullable = false, length = 2048)
  private String issuer;

  @Column(name = "resource", nullable = false, length = 2048)
  private String resource;

  @Column(name = "client_id", nullable = false, length = 2048)
  private String clientId;

  @Column(name = "scopes", nullable = false, length = 2000)
  private String scopes;

  @Column(name = "redirect_uri", nullable = false, length = 2048)
  private String redirectUri;

  @Column(name = "return_to", nullable = false, length = 2048)
  private String returnTo;

  @Column(name = "created_by", nullable = false, length = 255)
  private String createdBy;

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  protected AuthorizationAttempt() {
    // for JPA
  }

  /** What a connect remembers until its callback. */
  public record Started(
      ConnectionId connection,
      String stateHash,
      String codeVerifier,
      String issuer,
      String resource,
      String clientId,
      Set<String> scopes,
      String redirectUri,
      String returnTo,
      String createdBy,
      Instant expiresAt) {}

  public AuthorizationAttempt(Started started) {
    this.connectionId = started.connection().toString();
    this.stateHash = Objects.requireNonNull(started.stateHash(), "stateHash");
    this.codeVerifier = Objects.requireNonNull(started.codeVerifier(), "codeVerifier");
    this.issuer = Objects.requireNonNull(started.issuer(), "issuer");
    this.resource = Objects.requireNonNull(started.resource(), "resource");
    this.clientId = Objects.requireNonNull(started.clientId(), "clientId");
    this.scopes = String.join(" ", started.scopes());
    this.redirectUri = Objects.requireNonNull(started.redirectUri(), "redirectUri");
    this.returnTo = Objects.requireNonNull(started.returnTo(), "returnTo");
    this.createdBy = Objects.requireNonNull(started.createdBy(), "createdBy");
    this.expiresAt = Objects.requireNonNull(started.expiresAt(), "expiresAt");
  }

  public ConnectionId connection() {
    return new ConnectionId(UUID.fromString(connectionId));
  }

  public String codeVerifier() {
    return codeVerifier;
  }

  public String issuer() {
    return issuer;
  }

  public String resource() {
    return resource;
  }

  public String clientId() {
    return clientId;
  }

  public List<String> scopes() {
    return scopes.isBlank() ? List.of() : Arrays.asList(scopes.split(" "));
  }

  public String redirectUri() {
    return redirectUri;
  }

  public String returnTo() {
    return returnTo;
  }

  public String createdBy() {
    return createdBy;
  }

  public boolean hasExpired(Instant now) {
    return !now.isBefore(expiresAt);
  }

  @Override
  public String toString() {
    return "AuthorizationAttempt[" + connectionId + ", " + issuer + "]";
  }
}
