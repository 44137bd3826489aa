package io.claribi.connections.control.authorization;

import static io.claribi.connections.control.authorization.AuthorizationException.Reason.VENDOR_REGISTRATION_FAILED;

import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.client.ClientInformation;
import com.nimbusds.oauth2.sdk.client.ClientMetadata;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationErrorResponse;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationRequest;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import io.claribi.connections.api.VendorText;
import io.claribi.connections.control.authorization.ClientRegistration.ClientAuthMethod;
import io.claribi.connections.control.authorization.ClientRegistration.Source;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How this product becomes a client of an authorization server it has no registration with yet, in
 * the MCP specification's order: a client ID metadata document (when the server accepts them and
 * this installation publishes one), then dynamic client registration (RFC 7591). A pre-registered
 * client from the catalog is used before either and never reaches this class.
 */
public final class ClientRegistrar {

  static final String CIMD_SUPPORTED = "client_id_metadata_document_supported";

  private final OAuthHttp http;

  public ClientRegistrar(OAuthHttp http) {
    this.http = http;
  }

  /**
   * @param metadataDocument the public HTTPS URL of this installation's client ID metadata
   *     document, if it publishes one
   * @param redirectUri the callback the registration is bound to
   */
  public ClientRegistration register(
      AuthorizationServerMetadata server, Optional<URI> metadataDocument, URI redirectUri) {
    String issuer = server.getIssuer().getValue();
    if (metadataDocument.isPresent()
        && Boolean.TRUE.equals(server.getCustomParameter(CIMD_SUPPORTED))) {
      return new ClientRegistration(
          issuer,
          metadataDocument.get().toString(),
          Optional.empty(),
          ClientAuthMethod.NONE,
          Source.METADATA_DOCUMENT);
    }
    URI endpoint = server.getRegistrationEndpointURI();
    if (endpoint == null) {
      throw new AuthorizationException(
          VENDOR_REGISTRATION_FAILED,
          "The authorization server "
              + issuer
              + " accepts neither client ID metadata documents nor dynamic registration; an"
              + " operator must pre-register a client for it in the catalog.");
    }
    return dynamic(server, endpoint, redirectUri);
  }

  private ClientRegistration dynamic(
      AuthorizationServerMetadata server, URI endpoint, URI redirectUri) {
    ClientMetadata metadata = new ClientMetadata();
    metadata.setName("clariBI");
    metadata.setRedirectionURI(redirectUri);
    metadata.setGrantTypes(Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN));
    metadata.setResponseTypes(Set.of(ResponseType.CODE));
    metadata.setTokenEndpointAuthMethod(authMethod(server));
    HTTPResponse response =
        http.send(
            new ClientRegistrationRequest(endpoint, metadata, null).toHTTPRequest(),
            "registration endpoint");
    ClientRegistrationResponse parsed;
    try {
      parsed = ClientRegistrationResponse.parse(response);
    } catch (ParseException e) {
      throw new AuthorizationException(
          VENDOR_REGISTRATION_FAILED,
          "The registration endpoint's reply (" + response.getStatusCode() + ") is not valid.");
    }
    if (!parsed.indicatesSuccess()) {
      var error = ((ClientRegistrationErrorResponse) parsed).getErrorObject();
      throw new AuthorizationException(
          VENDOR_REGISTRATION_FAILED,
          "The registration endpoint refused this product ("
              + VendorText.sanitise(error.getCode())
              + ").");
    }
    ClientInformation information = parsed.toSuccessResponse().getClientInformation();
    ClientAuthenticationMethod method = information.getMetadata().getTokenEndpointAuthMethod();
    ClientAuthMethod granted;
    try {
      granted =
          method == null
              ? ClientAuthMethod.CLIENT_SECRET_BASIC // RFC 7591 §2's default
              : ClientAuthMethod.of(method);
    } catch (IllegalArgumentException e) {
      throw new AuthorizationException(
          VENDOR_REGISTRATION_FAILED,
          "The registration endpoint assigned an unsupported client authentication: " + method);
    }
    Optional<String> secret = Optional.ofNullable(information.getSecret()).map(s -> s.getValue());
    if (granted != ClientAuthMethod.NONE && secret.isEmpty()) {
      granted = ClientAuthMethod.NONE;
    }
    return new ClientRegistration(
        server.getIssuer().getValue(),
        information.getID().getValue(),
        secret,
        granted,
        Source.DYNAMIC);
  }

  /** A public client where the server allows it (nothing to keep secret), else a secret. */
  private static ClientAuthenticationMethod authMethod(AuthorizationServerMetadata server) {
    List<ClientAuthenticationMethod> supported = server.getTokenEndpointAuthMethods();
    if (supported == null || supported.contains(ClientAuthenticationMethod.NONE)) {
      return ClientAuthenticationMethod.NONE;
    }
    if (supported.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)) {
      return ClientAuthenticationMethod.CLIENT_SECRET_BASIC;
    }
    if (supported.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST)) {
      return ClientAuthenticationMethod.CLIENT_SECRET_POST;
    }
    throw new AuthorizationException(
        VENDOR_REGISTRATION_FAILED,
        "The authorization server supports none of none, client_secret_basic and"
            + " client_secret_post at its token endpoint.");
  }
}
