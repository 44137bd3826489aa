package io.claribi.credentials.api;

import java.util.Optional;
import java.util.function.Function;

/**
 * The sealed client secrets of the caller's organization's confidential registrations, one per
 * authorization server. A secret goes in as a {@link ClientSecret} and comes out only inside {@link
 * #use}, for the length of one callback. It is sealed under the same keys as the token sets of
 * {@link CredentialVault}, so key rotation re-encrypts it too.
 */
public interface ClientSecretVault {

  /**
   * Seals and keeps the client secret, replacing an earlier one for the same issuer. Joins the
   * caller's transaction.
   */
  void keep(ClientSecret secret);

  /**
   * Lends the client secret to {@code use} for the length of the callback (one token or revocation
   * request), and withdraws it when {@code use} returns.
   *
   * @return empty if the organization has no confidential registration there
   * @throws CredentialKeyRemovedException if its key has left the key ring
   * @throws InvalidCredentialCiphertextException if it does not open
   */
  <T> Optional<T> use(ClientSecretId secret, Function<LentClientSecret, T> use);
}
