package io.claribi.credentials.api;

import java.util.Objects;

/**
 * The one token of a deleted connection that its authorization server must still revoke (RFC 7009):
 * the refresh token where there is one, since revoking it ends the whole grant, else the access
 * token. It exists to be handed to {@link RevocationVault#keep} and is never logged: {@code
 * toString} does not show it.
 */
public final class TokenToRevoke {

  /** Which token it is; sent as the revocation request's {@code token_type_hint}. */
  public enum Kind {
    REFRESH_TOKEN,
    ACCESS_TOKEN
  }

  private final String value;
  private final Kind kind;

  public TokenToRevoke(String value, Kind kind) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a token is required");
    }
    this.value = value;
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /** The refresh token of a credential if it has one, else its access token. */
  public static TokenToRevoke of(Credential credential) {
    return credential
        .refreshToken()
        .map(refresh -> new TokenToRevoke(refresh, Kind.REFRESH_TOKEN))
        .orElseGet(() -> new TokenToRevoke(credential.accessToken(), Kind.ACCESS_TOKEN));
  }

  public String value() {
    return value;
  }

  public Kind kind() {
    return kind;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TokenToRevoke that && value.equals(that.value) && kind == that.kind;
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, kind);
  }

  @Override
  public String toString() {
    return "TokenToRevoke[" + kind + ", redacted]";
  }
}
