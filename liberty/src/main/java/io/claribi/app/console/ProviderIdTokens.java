package io.claribi.app.console;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.text.ParseException;
import java.util.Map;

/**
 * Verifies an ID token as OpenID Connect Core 3.1.3.7 says: signed with the one expected algorithm
 * by a key the provider publishes (never unsigned, never with a key the token names itself), issued
 * by the configured issuer, for this client, not expired (60 s of clock skew), and carrying the
 * nonce this browser's sign-in started with. Nimbus's validator does the checks; this class fixes
 * its configuration and turns every failure into one refusal.
 */
final class ProviderIdTokens {

  static final int CLOCK_SKEW_SECONDS = 60;

  private final IDTokenValidator validator;

  /**
   * @param keys the provider's published keys (its JWKS URL, cached and re-read for a key id not
   *     seen before, so a rotation works at once)
   */
  ProviderIdTokens(
      Issuer issuer, ClientID client, JWSAlgorithm algorithm, JWKSource<SecurityContext> keys) {
    this.validator =
        new IDTokenValidator(
            issuer, client, new JWSVerificationKeySelector<>(algorithm, keys), null);
    validator.setMaxClockSkew(CLOCK_SKEW_SECONDS);
  }

  /**
   * The claims of a valid ID token.
   *
   * @throws ProviderSignInRefused {@code INVALID_TOKEN}, with the reason for the log
   */
  Map<String, Object> verified(String idToken, Nonce expected) throws ProviderSignInRefused {
    try {
      JWT jwt = JWTParser.parse(idToken);
      IDTokenClaimsSet claims = validator.validate(jwt, expected);
      return claims.toJWTClaimsSet().getClaims();
    } catch (ParseException
        | com.nimbusds.oauth2.sdk.ParseException
        | BadJOSEException
        | JOSEException
        | RuntimeException e) {
      throw new ProviderSignInRefused(
          ProviderSignInRefused.Reason.INVALID_TOKEN,
          "the ID token was refused: " + e.getMessage(),
          e);
    }
  }
}
