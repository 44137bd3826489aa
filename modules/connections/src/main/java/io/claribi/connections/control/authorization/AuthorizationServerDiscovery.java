package io.claribi.connections.control.authorization;

import static io.claribi.connections.control.authorization.AuthorizationException.Reason.VENDOR_METADATA_INVALID;
import static io.claribi.connections.control.authorization.AuthorizationException.Reason.VENDOR_PKCE_UNSUPPORTED;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an authorization server's metadata: RFC 8414 first, then OpenID Connect discovery, at the
 * locations the MCP authorization specification lists for an issuer with or without a path. The
 * metadata's {@code issuer} must be exactly the issuer asked for (RFC 8414 §3.3: no mix-up), every
 * endpoint in it passes the outbound rules, and it must offer PKCE with S256.
 */
public final class AuthorizationServerDiscovery {

  private final OAuthHttp http;

  public AuthorizationServerDiscovery(OAuthHttp http) {
    this.http = http;
  }

  public AuthorizationServerMetadata discover(String issuer) {
    URI issuerUri = http.requireSafe(issuer, "authorization server");
    for (URI location : locations(issuerUri)) {
      HTTPResponse response = http.get(location, "authorization server metadata");
      if (response.getStatusCode() == 200) {
        return accept(parse(response, issuer), issuer);
      }
    }
    throw new AuthorizationException(
        VENDOR_METADATA_INVALID,
        "The authorization server " + issuer + " publishes no metadata (RFC 8414 or OpenID).");
  }

  /** The MCP specification's order for an issuer with a path, and for one without. */
  static List<URI> locations(URI issuer) {
    String path = issuer.getRawPath() == null ? "" : issuer.getRawPath();
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    List<URI> locations = new ArrayList<>();
    if (path.isEmpty()) {
      locations.add(issuer.resolve("/.well-known/oauth-authorization-server"));
      locations.add(issuer.resolve("/.well-known/openid-configuration"));
    } else {
      locations.add(issuer.resolve("/.well-known/oauth-authorization-server" + path));
      locations.add(issuer.resolve("/.well-known/openid-configuration" + path));
      locations.add(issuer.resolve(path + "/.well-known/openid-configuration"));
    }
    return locations;
  }

  private static AuthorizationServerMetadata parse(HTTPResponse response, String issuer) {
    try {
      return AuthorizationServerMetadata.parse(response.getBodyAsJSONObject());
    } catch (ParseException e) {
      throw new AuthorizationException(
          VENDOR_METADATA_INVALID,
          "The metadata of the authorization server "
              + issuer
              + " is not valid: "
              + e.getMessage());
    }
  }

  private AuthorizationServerMetadata accept(AuthorizationServerMetadata metadata, String issuer) {
    if (!metadata.getIssuer().getValue().equals(issuer)) {
      throw new AuthorizationException(
          VENDOR_METADATA_INVALID,
          "The authorization server at "
              + issuer
              + " calls itself "
              + metadata.getIssuer().getValue()
              + "; the issuer must match exactly.");
    }
    List<CodeChallengeMethod> methods = metadata.getCodeChallengeMethods();
    if (methods == null || !methods.contains(CodeChallengeMethod.S256)) {
      throw new AuthorizationException(
          VENDOR_PKCE_UNSUPPORTED,
          "The authorization server " + issuer + " does not offer PKCE with S256.");
    }
    if (metadata.getAuthorizationEndpointURI() == null || metadata.getTokenEndpointURI() == null) {
      throw new AuthorizationException(
          VENDOR_METADATA_INVALID,
          "The authorization server " + issuer + " names no authorization or token endpoint.");
    }
    http.requireSafe(metadata.getAuthorizationEndpointURI().toString(), "authorization endpoint");
    http.requireSafe(metadata.getTokenEndpointURI().toString(), "token endpoint");
    if (metadata.getRegistrationEndpointURI() != null) {
      http.requireSafe(metadata.getRegistrationEndpointURI().toString(), "registration endpoint");
    }
    if (metadata.getRevocationEndpointURI() != null) {
      http.requireSafe(metadata.getRevocationEndpointURI().toString(), "revocation endpoint");
    }
    return metadata;
  }
}
