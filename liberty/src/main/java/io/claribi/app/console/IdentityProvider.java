package io.claribi.app.console;

import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.claribi.platform.api.TokenClaimNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The customer's OpenID Connect provider, as the console's sign-in uses it (decision 50): its
 * metadata from discovery (read on first use and again every hour), the authorization request (code
 * flow, PKCE S256, state, nonce), the token request with the client secret, the ID token's
 * verification, and the logout request. The provider is configured by the operator, not by anyone
 * signing in, so its URLs are not put through the outbound rules that guard vendor URLs.
 */
@ApplicationScoped
public class IdentityProvider {

  private static final Logger LOG = Logger.getLogger(IdentityProvider.class.getName());
  private static final Duration METADATA_LIFETIME = Duration.ofHours(1);
  private static final int MOST_KEY_SET_BYTES = 512 * 1024;

  @Inject Config config;
  @Inject TokenClaimNames apiClaims;
  @Inject Clock clock;

  private volatile Discovered discovered;

  /** What discovery found, and the ID token check built on its keys. */
  private record Discovered(
      ProviderSignInSettings settings,
      OIDCProviderMetadata metadata,
      ProviderIdTokens idTokens,
      Instant readAt) {}

  void reportAtStart(@Observes Startup startup) {
    try {
      settings()
          .ifPresent(
              settings ->
                  LOG.info(
                      "Console users sign in with the "
                          + settings
                          + "; the password sign-in (development users, LDAP) is off."));
    } catch (IllegalStateException e) {
      LOG.severe(e.getMessage() + ". Nobody can sign in to the console.");
    }
  }

  /** The settings, or none when the console does not sign in with a provider. */
  Optional<ProviderSignInSettings> settings() {
    return ProviderSignInSettings.read(
        key -> config.getOptionalValue(key, String.class),
        name -> Optional.ofNullable(System.getenv(name)),
        apiClaims);
  }

  /** Whether an issuer is configured: the password sign-in is off then, even if it is broken. */
  boolean configured() {
    return ProviderSignInSettings.configured(key -> config.getOptionalValue(key, String.class));
  }

  /** Where to send the browser to sign in, for the flow it just started. */
  URI authorizationRequest(ProviderSignInFlow flow) throws ProviderSignInRefused {
    Discovered provider = discovered();
    ProviderSignInSettings settings = provider.settings();
    return new AuthenticationRequest.Builder(
            ResponseType.CODE,
            new Scope(settings.scopes().toArray(String[]::new)),
            new ClientID(settings.clientId()),
            settings.redirectUri())
        .endpointURI(provider.metadata().getAuthorizationEndpointURI())
        .state(flow.stateValue())
        .nonce(flow.nonceValue())
        .codeChallenge(flow.verifier(), CodeChallengeMethod.S256)
        .build()
        .toURI();
  }

  /**
   * The authorization response's {@code iss} parameter (RFC 9207) against mix-up: where present it
   * must name the configured issuer, and a provider whose metadata says it sends one must have.
   */
  void checkResponseIssuer(Issuer named) throws ProviderSignInRefused {
    OIDCProviderMetadata metadata = discovered().metadata();
    boolean acceptable =
        named == null
            ? !metadata.supportsAuthorizationResponseIssuerParam()
            : named.equals(metadata.getIssuer());
    if (!acceptable) {
      throw new ProviderSignInRefused(
          ProviderSignInRefused.Reason.INVALID_TOKEN,
          "the answer names the issuer " + named + ", not " + metadata.getIssuer());
    }
  }

  /**
   * Redeems the code at the token endpoint with the client secret and the PKCE verifier, verifies
   * the ID token, and maps its claims to a console identity.
   */
  ProviderIdentity redeem(AuthorizationCode code, ProviderSignInFlow flow)
      throws ProviderSignInRefused {
    Discovered provider = discovered();
    ProviderSignInSettings settings = provider.settings();
    TokenRequest request =
        new TokenRequest(
            provider.metadata().getTokenEndpointURI(),
            new ClientSecretBasic(
                new ClientID(settings.clientId()), new Secret(settings.clientSecret())),
            new AuthorizationCodeGrant(code, settings.redirectUri(), flow.verifier()));
    TokenResponse response;
    try {
      HTTPRequest http = request.toHTTPRequest();
      http.setConnectTimeout(millis(settings.timeout()));
      http.setReadTimeout(millis(settings.timeout()));
      response = OIDCTokenResponseParser.parse(http.send());
    } catch (IOException e) {
      throw new ProviderSignInRefused(
          ProviderSignInRefused.Reason.UNAVAILABLE, "the token endpoint: " + e.getMessage(), e);
    } catch (com.nimbusds.oauth2.sdk.ParseException e) {
      throw new ProviderSignInRefused(
          ProviderSignInRefused.Reason.INVALID_TOKEN,
          "the token endpoint's answer: " + e.getMessage(),
          e);
    }
    if (!response.indicatesSuccess()) {
      TokenErrorResponse error = response.toErrorResponse();
      throw new ProviderSignInRefused(
          ProviderSignInRefused.Reason.DENIED,
          "the token endpoint refused the code: " + error.getErrorObject().getCode());
    }
    if (!(response.toSuccessResponse() instanceof OIDCTokenResponse tokens)
        || tokens.getOIDCTokens().getIDTokenString() == null) {
      throw new ProviderSignInRefused(
          ProviderSignInRefused.Reason.INVALID_TOKEN, "the token endpoint returned no ID token");
    }
    String idToken = tokens.getOIDCTokens().getIDTokenString();
    return ProviderIdentity.of(
        provider.idTokens().verified(idToken, flow.nonceValue()), settings, idToken);
  }

  /**
   * Where to send the browser so the provider ends its session too (RP-initiated logout), when the
   * provider offers it and it is not switched off; the provider sends it back to the sign-in page.
   */
  Optional<URI> logout(ProviderIdentity identity) {
    try {
      Discovered provider = discovered();
      URI endSession = provider.metadata().getEndSessionEndpointURI();
      if (!provider.settings().providerLogout() || endSession == null) {
        return Optional.empty();
      }
      return Optional.of(
          new LogoutRequest(
                  endSession,
                  JWTParser.parse(identity.idToken()),
                  provider.settings().signedOutUri(),
                  null)
              .toURI());
    } catch (ProviderSignInRefused | ParseException e) {
      LOG.warning(
          "The identity provider's session of '"
              + identity.name()
              + "' could not be ended: "
              + e.getMessage());
      return Optional.empty();
    }
  }

  private Discovered discovered() throws ProviderSignInRefused {
    Discovered known = discovered;
    Instant now = clock.instant();
    if (known != null && now.isBefore(known.readAt().plus(METADATA_LIFETIME))) {
      return known;
    }
    synchronized (this) {
      if (discovered != null && now.isBefore(discovered.readAt().plus(METADATA_LIFETIME))) {
        return discovered;
      }
      ProviderSignInSettings settings;
      try {
        settings =
            settings()
                .orElseThrow(
                    () -> new IllegalStateException("no " + ProviderSignInSettings.ISSUER));
      } catch (IllegalStateException e) {
        throw new ProviderSignInRefused(
            ProviderSignInRefused.Reason.NOT_CONFIGURED, e.getMessage(), e);
      }
      try {
        int timeout = millis(settings.timeout());
        // resolve() also checks that the document names the configured issuer
        OIDCProviderMetadata metadata =
            OIDCProviderMetadata.resolve(
                new Issuer(settings.issuer().toString()), timeout, timeout);
        ProviderIdTokens idTokens =
            new ProviderIdTokens(
                metadata.getIssuer(),
                new ClientID(settings.clientId()),
                settings.idTokenAlgorithm(),
                JWKSourceBuilder.create(
                        metadata.getJWKSetURI().toURL(),
                        new DefaultResourceRetriever(timeout, timeout, MOST_KEY_SET_BYTES))
                    .build());
        discovered = new Discovered(settings, metadata, idTokens, now);
        return discovered;
      } catch (GeneralException | IOException e) {
        if (known != null) {
          // keep signing people in with what the last discovery found
          LOG.warning("The identity provider's metadata could not be re-read: " + e.getMessage());
          return known;
        }
        throw new ProviderSignInRefused(
            ProviderSignInRefused.Reason.UNAVAILABLE,
            "discovery at " + settings.issuer() + ": " + e.getMessage(),
            e);
      }
    }
  }

  private static int millis(Duration duration) {
    return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
  }
}
