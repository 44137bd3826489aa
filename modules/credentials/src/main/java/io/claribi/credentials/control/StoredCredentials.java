package io.claribi.credentials.control;

import io.claribi.credentials.api.ClientSecretId;
import io.claribi.credentials.entity.StoredCredential;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.TenantBinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * The sealed credentials of the bound organization: one per connection, and one per client secret
 * (in a row of its own, {@link ClientSecretRow}), and the token of each deleted connection that its
 * vendor has not revoked yet ({@link RevocationRow}).
 */
@ApplicationScoped
public class StoredCredentials {

  @PersistenceContext(unitName = "credentials")
  EntityManager em;

  @Inject TenantBinding tenancy;

  /** Another organization's credential is as absent as one that never existed. */
  public Optional<StoredCredential> find(ConnectionId connection) {
    return find(connection.toString());
  }

  /** Another organization's client secret is as absent as one that never existed. */
  public Optional<StoredCredential> find(ClientSecretId secret) {
    return find(ClientSecretRow.of(secret));
  }

  /** Another organization's token to revoke is as absent as one that never existed. */
  public Optional<StoredCredential> findTokenToRevoke(ConnectionId connection) {
    return find(RevocationRow.of(connection));
  }

  private Optional<StoredCredential> find(String row) {
    return Optional.ofNullable(tenancy.bind(em).find(StoredCredential.class, row));
  }

  /**
   * The credential, locked until the transaction ends (SELECT ... FOR UPDATE): of two callers, on
   * any node, the second waits and then reads what the first stored.
   */
  public Optional<StoredCredential> lock(ConnectionId connection) {
    return Optional.ofNullable(
        tenancy
            .bind(em)
            .find(StoredCredential.class, connection.toString(), LockModeType.PESSIMISTIC_WRITE));
  }

  public void add(StoredCredential credential) {
    tenancy.bind(em).persist(credential);
  }

  /** A plain delete, flushed now so a failure surfaces inside the caller's transaction. */
  public boolean delete(ConnectionId connection) {
    return delete(connection.toString());
  }

  /** Deletes a deleted connection's token to revoke, flushed now like {@link #delete}. */
  public boolean deleteTokenToRevoke(ConnectionId connection) {
    return delete(RevocationRow.of(connection));
  }

  private boolean delete(String row) {
    EntityManager bound = tenancy.bind(em);
    StoredCredential credential = bound.find(StoredCredential.class, row);
    if (credential == null) {
      return false;
    }
    bound.remove(credential);
    bound.flush();
    return true;
  }
}
