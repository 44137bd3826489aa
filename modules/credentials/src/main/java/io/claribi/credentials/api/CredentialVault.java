package io.claribi.credentials.api;

import io.claribi.platform.api.ConnectionId;
import java.time.Instant;
import java.util.Optional;

/**
 * The encrypted token store of the caller's organization, one token set per connection. Tokens go
 * in as a {@link TokenSet} and come out only inside {@link #use}, for the length of one callback.
 * Client secrets are kept by {@link ClientSecretVault}.
 */
public interface CredentialVault {

  /**
   * Seals the token set with the newest key and stores it for the connection, replacing any earlier
   * one (a refresh). Joins the caller's transaction.
   */
  void store(ConnectionId connection, TokenSet tokens);

  /**
   * Opens the connection's credential, lends it to {@code use} and withdraws it when {@code use}
   * returns. No transaction is held while {@code use} runs.
   *
   * @throws NoCredentialException if none is stored in the caller's organization
   * @throws CredentialKeyRemovedException if its key has left the key ring
   * @throws InvalidCredentialCiphertextException if it does not open
   */
  <T, X extends Exception> T use(ConnectionId connection, CredentialUse<T, X> use) throws X;

  /**
   * Renews the connection's token set under a lock on its row that every server node sharing the
   * database respects, in a transaction of its own (or the caller's). If the stored access token is
   * still good at {@code freshUntil} (another call renewed it while this one waited), nothing
   * happens. Otherwise the credential is lent to {@code renewal}, typically a refresh at the
   * authorization server, and the token set it returns replaces the old one before the lock is
   * released: a refresh token is never spent twice, and a rotated one is never lost.
   *
   * @return whether {@code renewal} ran and its token set was stored
   * @throws NoCredentialException if none is stored in the caller's organization (disconnected)
   */
  boolean renew(
      ConnectionId connection,
      Instant freshUntil,
      CredentialUse<TokenSet, RuntimeException> renewal);

  /**
   * Deletes the connection's credential as a plain delete in the caller's transaction, which must
   * exist: a disconnect deletes the credential and the connection together or not at all.
   *
   * @return whether there was one
   */
  boolean delete(ConnectionId connection);

  /** Which key sealed the connection's credential and when. */
  Optional<CredentialInfo> describe(ConnectionId connection);
}
