package io.claribi.credentials.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an authorization server grants for one connection: the tokens, their expiry, the scopes and
 * the token type. It exists to be handed to {@link CredentialVault#store} and is never logged:
 * {@code toString} shows neither token.
 */
public final class TokenSet {

  private final String accessToken;
  private final String refreshToken;
  private final Instant expiresAt;
  private final Set<String> scopes;
  private final String tokenType;

  public TokenSet(
      String accessToken,
      Optional<String> refreshToken,
      Optional<Instant> expiresAt,
      Set<String> scopes,
      String tokenType) {
    if (accessToken == null || accessToken.isBlank()) {
      throw new IllegalArgumentException("an access token is required");
    }
    if (tokenType == null || tokenType.isBlank()) {
      throw new IllegalArgumentException("a token type is required");
    }
    this.accessToken = accessToken;
    this.refreshToken = refreshToken.filter(s -> !s.isBlank()).orElse(null);
    this.expiresAt = expiresAt.orElse(null);
    this.scopes = Set.copyOf(scopes);
    this.tokenType = tokenType;
  }

  public String accessToken() {
    return accessToken;
  }

  public Optional<String> refreshToken() {
    return Optional.ofNullable(refreshToken);
  }

  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }

  public Set<String> scopes() {
    return scopes;
  }

  public String tokenType() {
    return tokenType;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TokenSet that
        && accessToken.equals(that.accessToken)
        && Objects.equals(refreshToken, that.refreshToken)
        && Objects.equals(expiresAt, that.expiresAt)
        && scopes.equals(that.scopes)
        && tokenType.equals(that.tokenType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(expiresAt, scopes, tokenType);
  }

  @Override
  public String toString() {
    return "TokenSet[accessToken=(redacted), refreshToken="
        + (refreshToken == null ? "none" : "(redacted)")
        + ", expiresAt="
        + expiresAt
        + ", scopes="
        + new TreeSet<>(scopes)
        + ", tokenType="
        + tokenType
        + "]";
  }
}
