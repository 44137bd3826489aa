package io.claribi.demovendor.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates Acme's access tokens as a resource server must: RS256 signature by a key from the
 * authorization server's JWKS, the exact issuer, an expiry in the future, and an audience that is
 * this resource (its MCP URL) or {@code acme-payments}. Returns the granted scopes.
 */
public final class AccessTokens {

  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  public AccessTokens(String issuer, JWKSource<SecurityContext> keys) {
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            null, new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("exp", "iat", "sub")));
  }

  /** Keys fetched from the JWKS URL on first use and cached, as a real resource server would. */
  public static AccessTokens fromJwks(String issuer, String jwksUri) {
    try {
      return new AccessTokens(
          issuer, JWKSourceBuilder.create(URI.create(jwksUri).toURL()).retrying(true).build());
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(jwksUri, e);
    }
  }

  /**
   * @param resource the MCP URL the token is presented to
   * @return the token's scopes
   * @throws InvalidTokenException if the token must be refused
   */
  public Set<String> verify(String token, String resource) {
    JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (Exception e) {
      throw new InvalidTokenException(e.getMessage());
    }
    List<String> audience = claims.getAudience();
    if (!audience.contains(ScopedTokenCallback.AUDIENCE) && !audience.contains(resource)) {
      throw new InvalidTokenException("The token is not meant for " + resource);
    }
    Object scope = claims.getClaim("scope");
    return scope == null
        ? Set.of()
        : Arrays.stream(scope.toString().split(" "))
            .filter(s -> !s.isBlank())
            .collect(Collectors.toUnmodifiableSet());
  }

  /** A token that is missing a part, forged, expired, from another issuer or for another API. */
  public static final class InvalidTokenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InvalidTokenException(String message) {
      super(message);
    }
  }
}
