package io.claribi.demovendor.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import io.claribi.demovendor.tools.Scopes;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;

/**
 * Shapes the access tokens of issuer {@code acme}: the requested scope in a {@code scope} claim
 * (mock-oauth2-server would otherwise put the scope into {@code aud}), the requested RFC 8707
 * resource or {@code acme-payments} as audience, the client as {@code client_id}.
 *
 * <p>The mock hands the callback only the token request. A client-credentials request carries its
 * scope; a code exchange or refresh usually does not (the scope was on the authorization request,
 * which the callback never sees), so those tokens get {@code payments:read} unless the token
 * request names a scope itself.
 */
final class ScopedTokenCallback implements OAuth2TokenCallback {

  static final String ISSUER_ID = "acme";
  static final String AUDIENCE = "acme-payments";
  static final String USER = "acme-demo-user";

  private final long expirySeconds;

  ScopedTokenCallback(long expirySeconds) {
    this.expirySeconds = expirySeconds;
  }

  @Override
  public String issuerId() {
    return ISSUER_ID;
  }

  @Override
  public String subject(TokenRequest request) {
    return request.getAuthorizationGrant() instanceof ClientCredentialsGrant
        ? clientId(request)
        : USER;
  }

  @Override
  public String typeHeader(TokenRequest request) {
    return JOSEObjectType.JWT.getType();
  }

  @Override
  public List<String> audience(TokenRequest request) {
    List<URI> resources = request.getResources();
    return resources == null || resources.isEmpty()
        ? List.of(AUDIENCE)
        : resources.stream().map(URI::toString).toList();
  }

  @Override
  public Map<String, Object> addClaims(TokenRequest request) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("scope", scope(request));
    claims.put("client_id", clientId(request));
    if (request.getAuthorizationGrant() instanceof AuthorizationCodeGrant) {
      claims.put("azp", clientId(request));
    }
    return claims;
  }

  @Override
  public long tokenExpiry() {
    return expirySeconds;
  }

  static String scope(TokenRequest request) {
    return request.getScope() == null || request.getScope().isEmpty()
        ? Scopes.READ
        : request.getScope().toString();
  }

  private static String clientId(TokenRequest request) {
    ClientID id = request.getClientID();
    if (id == null && request.getClientAuthentication() != null) {
      id = request.getClientAuthentication().getClientID();
    }
    return id == null ? "unknown" : id.getValue();
  }
}
