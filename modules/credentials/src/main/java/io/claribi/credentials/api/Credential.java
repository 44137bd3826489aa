package io.claribi.credentials.api;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A connection's opened credential, lent to one {@link CredentialVault#use} callback. Once the
 * callback returns, every accessor throws, so a caller that kept the object holds nothing.
 */
public interface Credential {

  String accessToken();

  Optional<String> refreshToken();

  Optional<Instant> expiresAt();

  Set<String> scopes();

  String tokenType();

  /** Whether the authorization server gave a refresh token with it. */
  default boolean canRefresh() {
    return refreshToken().isPresent();
  }

  /** True if the access token is expired at {@code moment} (ask with a safety margin added). */
  default boolean expiresBefore(Instant moment) {
    return expiresAt().map(expiry -> !expiry.isAfter(moment)).orElse(false);
  }
}
