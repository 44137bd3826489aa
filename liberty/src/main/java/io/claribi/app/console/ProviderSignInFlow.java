package io.claribi.app.console;

import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * A sign-in this browser started and the provider has not yet answered: the {@code state} the
 * callback must bring back, the {@code nonce} the ID token must carry, and the PKCE code verifier
 * the token request proves the code with. Kept in the HTTP session only (never in a cookie or URL
 * the browser could hand to someone else), and used once.
 */
record ProviderSignInFlow(String state, String nonce, String codeVerifier, Instant startedAt)
    implements Serializable {

  /** How long a person may take at the provider's login page. */
  static final Duration LIFETIME = Duration.ofMinutes(10);

  static final String SESSION_ATTRIBUTE = ProviderSignInFlow.class.getName();

  static ProviderSignInFlow start(Instant now) {
    return new ProviderSignInFlow(
        new State().getValue(), new Nonce().getValue(), new CodeVerifier().getValue(), now);
  }

  boolean expiredAt(Instant now) {
    return now.isAfter(startedAt.plus(LIFETIME));
  }

  State stateValue() {
    return new State(state);
  }

  Nonce nonceValue() {
    return new Nonce(nonce);
  }

  CodeVerifier verifier() {
    return new CodeVerifier(codeVerifier);
  }

  @Override
  public String toString() {
    return "ProviderSignInFlow[started " + startedAt + "]";
  }
}
