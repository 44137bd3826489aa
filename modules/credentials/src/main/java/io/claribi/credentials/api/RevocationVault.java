package io.claribi.credentials.api;

import io.claribi.platform.api.ConnectionId;
import java.util.Optional;
import java.util.function.Function;

/**
 * The tokens of the caller's organization's deleted connections that their vendors have not yet
 * revoked, sealed: one per connection, kept from the disconnect's transaction until the vendor
 * confirms the revocation (or the retries give up), so that a server node that dies in between does
 * not take the revocation with it. Sealed under the same keys as {@link CredentialVault}'s token
 * sets, in the same table, so key rotation re-encrypts them too; opened only inside {@link #use},
 * for the length of one revocation request.
 */
public interface RevocationVault {

  /** Seals and keeps the token to revoke. Joins the caller's transaction, which must exist. */
  void keep(ConnectionId connection, TokenToRevoke token);

  /**
   * Lends the token to {@code use} for the length of the callback.
   *
   * @return empty if none is kept for the connection in the caller's organization
   * @throws CredentialKeyRemovedException if its key has left the key ring
   * @throws InvalidCredentialCiphertextException if it does not open
   */
  <T> Optional<T> use(ConnectionId connection, Function<TokenToRevoke, T> use);

  /**
   * Whether this server's key ring holds the key that sealed the connection's kept token (true if
   * none is kept: there is nothing this server could not open). A server whose key file has not yet
   * brought it a new key (a secrets manager updates the nodes one by one) leaves the token to a
   * server that has it, rather than calling it unreadable.
   */
  boolean opensHere(ConnectionId connection);

  /**
   * Deletes the kept token in the caller's transaction, which must exist: the vendor revoked it, or
   * nobody ever will.
   *
   * @return whether there was one
   */
  boolean forget(ConnectionId connection);
}
