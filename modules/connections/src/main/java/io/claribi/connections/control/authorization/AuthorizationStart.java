package io.claribi.connections.control.authorization;

import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.net.URI;
import java.util.Set;

/**
 * The first leg of the authorization code flow: a fresh PKCE verifier (S256) and an unguessable
 * single-use {@code state}, and the URL of the vendor's consent screen carrying the client id, the
 * redirect URI, the chosen scopes and the resource indicator (RFC 8707).
 *
 * @param state 256 random bits, base64url; the callback finds the attempt by it
 * @param verifier the PKCE code verifier, kept until the code is exchanged
 * @param authorizationUrl where the admin's browser goes
 */
public record AuthorizationStart(String state, String verifier, URI authorizationUrl) {

  public static AuthorizationStart begin(
      AuthorizationServerMetadata server,
      ClientRegistration client,
      URI redirectUri,
      Set<String> scopes,
      URI resource) {
    State state = new State(32);
    CodeVerifier verifier = new CodeVerifier();
    AuthorizationRequest.Builder request =
        new AuthorizationRequest.Builder(ResponseType.CODE, client.id())
            .endpointURI(server.getAuthorizationEndpointURI())
            .redirectionURI(redirectUri)
            .state(state)
            .codeChallenge(verifier, CodeChallengeMethod.S256);
    if (resource != null) {
      request.resource(resource);
    }
    if (!scopes.isEmpty()) {
      request.scope(new Scope(scopes.toArray(String[]::new)));
    }
    return new AuthorizationStart(state.getValue(), verifier.getValue(), request.build().toURI());
  }

  @Override
  public String toString() {
    return "AuthorizationStart[state=(redacted), verifier=(redacted), " + authorizationUrl + "]";
  }
}
