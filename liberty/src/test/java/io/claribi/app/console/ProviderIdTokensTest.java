package io.claribi.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An ID token is accepted only when signed RS256 by a key the provider publishes, issued by the
 * configured issuer for this client, not expired beyond the 60 s of clock skew, and carrying the
 * expected nonce; everything else (another key under the same key id, unsigned, HMAC with the
 * public key, another algorithm, garbage) is refused as {@code INVALID_TOKEN}.
 */
class ProviderIdTokensTest {

  private static final String ISSUER = "https://idp.example/realms/claribi";
  private static final String CLIENT = "claribi-console";
  private static final Nonce NONCE = new Nonce("nonce-of-this-browser");

  private static RSAKey providerKey;
  private static RSAKey otherKey;
  private static ProviderIdTokens cut;

  @BeforeAll
  static void keys() throws JOSEException {
    providerKey = new RSAKeyGenerator(2048).keyID("k1").generate();
    otherKey = new RSAKeyGenerator(2048).keyID("k1").generate();
    cut =
        new ProviderIdTokens(
            new Issuer(ISSUER),
            new ClientID(CLIENT),
            JWSAlgorithm.RS256,
            new ImmutableJWKSet<>(new JWKSet(providerKey.toPublicJWK())));
  }

  @Test
  void a_good_token_is_accepted_with_its_claims() throws Exception {
    Map<String, Object> claims = cut.verified(signed(claims(b -> b)), NONCE);

    assertThat(claims)
        .containsEntry("iss", ISSUER)
        .containsEntry("sub", "ann-subject")
        .containsEntry("preferred_username", "ann")
        .containsEntry("organization", "acme")
        .containsEntry("nonce", NONCE.getValue());
    assertThat(claims.get("claribi_roles"))
        .asInstanceOf(InstanceOfAssertFactories.list(Object.class))
        .containsExactly("acme-admins", "readers");
  }

  @Test
  void a_token_signed_by_another_key_with_the_same_key_id_is_refused() throws Exception {
    assertRefused(signed(claims(b -> b), otherKey, JWSAlgorithm.RS256), "Invalid signature");
  }

  @Test
  void a_key_the_token_carries_in_its_own_header_is_not_trusted() throws Exception {
    RSAKey attacker = new RSAKeyGenerator(2048).keyID("attacker").generate();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(attacker.getKeyID())
                .jwk(attacker.toPublicJWK())
                .build(),
            claims(b -> b));
    jwt.sign(new RSASSASigner(attacker));

    assertRefused(jwt.serialize(), "no matching key");
  }

  @Test
  void a_token_for_another_audience_is_refused() throws Exception {
    assertRefused(signed(claims(b -> b.audience("another-client"))), "audience");
  }

  @Test
  void a_token_expired_beyond_the_clock_skew_is_refused() throws Exception {
    assertRefused(
        signed(claims(b -> b.expirationTime(ago(Duration.ofSeconds(90))))), "Expired JWT");
  }

  @Test
  void a_token_expired_within_the_clock_skew_is_still_accepted() throws Exception {
    assertThat(ProviderIdTokens.CLOCK_SKEW_SECONDS).isEqualTo(60);

    assertThat(
            cut.verified(signed(claims(b -> b.expirationTime(ago(Duration.ofSeconds(30))))), NONCE))
        .containsEntry("sub", "ann-subject");
  }

  @Test
  void a_token_with_another_nonce_is_refused() throws Exception {
    assertRefused(
        signed(claims(b -> b.claim("nonce", "nonce-of-another-browser"))), "Unexpected JWT nonce");
  }

  @Test
  void a_token_without_a_nonce_is_refused() throws Exception {
    assertRefused(signed(claims(b -> b.claim("nonce", null))), "Missing JWT nonce");
  }

  @Test
  void a_token_from_another_issuer_is_refused() throws Exception {
    assertRefused(signed(claims(b -> b.issuer("https://idp.example/realms/other"))), "issuer");
    assertRefused(signed(claims(b -> b.issuer("https://evil.example/realms/claribi"))), "issuer");
  }

  @Test
  void an_unsigned_token_is_refused() throws Exception {
    assertRefused(new PlainJWT(claims(b -> b)).serialize(), "Signed ID token expected");
  }

  @Test
  void a_token_signed_with_the_public_key_as_hmac_secret_is_refused() throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), claims(b -> b));
    jwt.sign(new MACSigner(providerKey.toPublicKey().getEncoded()));

    assertRefused(jwt.serialize(), "Another algorithm expected");
  }

  @Test
  void a_token_signed_with_another_algorithm_than_expected_is_refused() throws Exception {
    assertRefused(
        signed(claims(b -> b), providerKey, JWSAlgorithm.RS512), "Another algorithm expected");
  }

  @Test
  void garbage_is_refused() {
    assertRefused("not a token", "Invalid JWT serialization");
    assertRefused("a.b.c", "Invalid unsecured/JWS/JWE header");
    assertRefused("", "Invalid JWT serialization");
  }

  /**
   * A refusal with the reason the sign-in page shows, and for the log the cause and the detail
   * {@code why} (so that a token is refused for the reason its test means).
   */
  private static void assertRefused(String idToken, String why) {
    ProviderSignInRefused refused =
        catchThrowableOfType(ProviderSignInRefused.class, () -> cut.verified(idToken, NONCE));

    assertThat(refused).as(idToken).isNotNull();
    assertThat(refused.reason).isEqualTo(ProviderSignInRefused.Reason.INVALID_TOKEN);
    assertThat(refused)
        .hasMessageStartingWith("the ID token was refused: ")
        .hasMessageContaining(why);
    assertThat(refused.getCause()).isNotNull();
  }

  /** The claims of a good token, changed by {@code change}. */
  private static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
    Instant now = Instant.now();
    return change
        .apply(
            new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("ann-subject")
                .audience(CLIENT)
                .issueTime(Date.from(now.minus(Duration.ofMinutes(10))))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("nonce", NONCE.getValue())
                .claim("preferred_username", "ann")
                .claim("organization", "acme")
                .claim("claribi_roles", List.of("acme-admins", "readers")))
        .build();
  }

  private static Date ago(Duration duration) {
    return Date.from(Instant.now().minus(duration));
  }

  private static String signed(JWTClaimsSet claims) throws JOSEException {
    return signed(claims, providerKey, JWSAlgorithm.RS256);
  }

  private static String signed(JWTClaimsSet claims, RSAKey key, JWSAlgorithm algorithm)
      throws JOSEException {
    SignedJWT jwt =
        new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).build(), claims);
    JWSSigner signer = new RSASSASigner(key);
    jwt.sign(signer);
    return jwt.serialize();
  }
}
