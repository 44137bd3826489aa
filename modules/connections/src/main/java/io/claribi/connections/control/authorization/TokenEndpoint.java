package io.claribi.connections.control.authorization;

import static io.claribi.connections.control.authorization.AuthorizationException.Reason.VENDOR_METADATA_INVALID;
import static io.claribi.connections.control.authorization.AuthorizationException.Reason.VENDOR_SCOPE_ESCALATION;
import static io.claribi.connections.control.authorization.AuthorizationException.Reason.VENDOR_TOKEN_REJECTED;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.AccessTokenType;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Token;
import com.nimbusds.oauth2.sdk.token.Tokens;
import io.claribi.connections.api.VendorText;
import io.claribi.credentials.api.TokenSet;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The token endpoint and the revocation endpoint of a vendor's authorization server: the code
 * exchange (with the PKCE verifier and the resource indicator), refreshes (resource indicator
 * again, never more scope than before), and revocation (RFC 7009). A grant that carries a scope we
 * did not ask for is refused and nothing of it is kept: the connection stays read-only even when
 * the vendor is generous.
 */
public final class TokenEndpoint {

  private final OAuthHttp http;
  private final Clock clock;

  public TokenEndpoint(OAuthHttp http, Clock clock) {
    this.http = http;
    this.clock = clock;
  }

  /** Exchanges the authorization code for the connection's first token set. */
  public TokenSet exchange(
      AuthorizationServerMetadata server,
      ClientRegistration client,
      String code,
      URI redirectUri,
      String verifier,
      URI resource,
      Set<String> requested) {
    AuthorizationGrant grant =
        new AuthorizationCodeGrant(
            new AuthorizationCode(code), redirectUri, new CodeVerifier(verifier));
    return tokenSet(grant(server, client, grant, resource, requested), requested, Optional.empty());
  }

  /** A refresh's new token set, and whether the server rotated the refresh token. */
  public record Refreshed(TokenSet tokens, boolean rotated) {}

  /**
   * Spends the refresh token. The reply's refresh token replaces it when the server rotates; when
   * it sends none, the old one stays valid (RFC 6749 §6).
   */
  public Refreshed refresh(
      AuthorizationServerMetadata server,
      ClientRegistration client,
      String refreshToken,
      URI resource,
      Set<String> scopes) {
    RefreshToken current = new RefreshToken(refreshToken);
    Granted granted = grant(server, client, new RefreshTokenGrant(current), resource, scopes);
    RefreshToken next = granted.tokens().getRefreshToken();
    boolean rotated = next != null && !next.equals(current);
    return new Refreshed(tokenSet(granted, scopes, Optional.of(current)), rotated);
  }

  /**
   * Revokes a token where the server offers revocation.
   *
   * @return false if the server has no revocation endpoint
   * @throws AuthorizationException if the server refused or could not be reached (retry later)
   */
  public boolean revoke(
      AuthorizationServerMetadata server, ClientRegistration client, Token token) {
    URI endpoint = server.getRevocationEndpointURI();
    if (endpoint == null) {
      return false;
    }
    TokenRevocationRequest request =
        client
            .authentication()
            .map(auth -> new TokenRevocationRequest(endpoint, auth, token))
            .orElseGet(() -> new TokenRevocationRequest(endpoint, client.id(), token));
    HTTPResponse response = http.send(request.toHTTPRequest(), "revocation endpoint");
    if (response.getStatusCode() >= 500 || response.getStatusCode() == 429) {
      throw AuthorizationException.unavailable(
          "The revocation endpoint answered " + response.getStatusCode() + ".", 30);
    }
    if (response.getStatusCode() != 200) {
      throw new AuthorizationException(
          VENDOR_TOKEN_REJECTED,
          "The revocation endpoint refused the request (" + response.getStatusCode() + ").");
    }
    return true;
  }

  /** What the token endpoint granted, and when it was asked (the start of its lifetime). */
  private record Granted(Tokens tokens, Instant asked) {}

  private Granted grant(
      AuthorizationServerMetadata server,
      ClientRegistration client,
      AuthorizationGrant grant,
      URI resource,
      Set<String> requested) {
    TokenRequest.Builder builder =
        client
            .authentication()
            .map(auth -> new TokenRequest.Builder(server.getTokenEndpointURI(), auth, grant))
            .orElseGet(
                () -> new TokenRequest.Builder(server.getTokenEndpointURI(), client.id(), grant));
    if (resource != null) { // none for a native connector (ResourceIndicator)
      builder.resource(resource);
    }
    if (grant instanceof RefreshTokenGrant && !requested.isEmpty()) {
      builder.scope(new Scope(requested.toArray(String[]::new)));
    }
    Instant asked = clock.instant();
    HTTPResponse response = http.send(builder.build().toHTTPRequest(), "token endpoint");
    TokenResponse parsed = parse(response);
    if (!parsed.indicatesSuccess()) {
      ErrorObject error = ((TokenErrorResponse) parsed).getErrorObject();
      if (grant instanceof AuthorizationCodeGrant
          && AuthorizationException.namesUnknownClient(error.getCode())) {
        throw AuthorizationException.clientUnknown(server.getIssuer().getValue(), error.getCode());
      }
      String description =
          error.getDescription() == null ? "" : ": " + VendorText.sanitise(error.getDescription());
      throw new AuthorizationException(
          VENDOR_TOKEN_REJECTED,
          "The token endpoint refused the "
              + (grant instanceof RefreshTokenGrant ? "refresh" : "authorization code")
              + " ("
              + VendorText.sanitise(error.getCode())
              + description
              + ").");
    }
    return new Granted(parsed.toSuccessResponse().getTokens(), asked);
  }

  private static TokenResponse parse(HTTPResponse response) {
    try {
      return TokenResponse.parse(response);
    } catch (ParseException e) {
      throw new AuthorizationException(
          VENDOR_METADATA_INVALID,
          "The token endpoint's reply (" + response.getStatusCode() + ") is not a token response.");
    }
  }

  private static TokenSet tokenSet(
      Granted granted, Set<String> requested, Optional<RefreshToken> spent) {
    Tokens tokens = granted.tokens();
    Instant asked = granted.asked();
    AccessToken access = tokens.getAccessToken();
    if (!AccessTokenType.BEARER.equals(access.getType())
        && !(access instanceof BearerAccessToken)) {
      throw new AuthorizationException(
          VENDOR_METADATA_INVALID,
          "The token endpoint issued a " + access.getType() + " token; only Bearer is supported.");
    }
    Set<String> scopes =
        access.getScope() == null
            ? new LinkedHashSet<>(requested)
            : new LinkedHashSet<>(access.getScope().toStringList());
    if (!requested.isEmpty()) {
      Set<String> extra = new LinkedHashSet<>(scopes);
      extra.removeAll(requested);
      if (!extra.isEmpty()) {
        throw new AuthorizationException(
            VENDOR_SCOPE_ESCALATION,
            "The authorization server granted more than was asked ("
                + VendorText.sanitise(String.join(" ", extra))
                + "); the grant is refused and nothing of it is kept.");
      }
    }
    Optional<String> refresh =
        Optional.ofNullable(tokens.getRefreshToken()).or(() -> spent).map(RefreshToken::getValue);
    Optional<Instant> expiresAt =
        access.getLifetime() > 0
            ? Optional.of(asked.plusSeconds(access.getLifetime()))
            : Optional.empty();
    return new TokenSet(access.getValue(), refresh, expiresAt, scopes, "Bearer");
  }
}
