package io.claribi.connections.control.authorization;

import static io.claribi.connections.control.authorization.AuthorizationException.Reason.VENDOR_TOKEN_REJECTED;

import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import io.claribi.credentials.api.Credential;
import java.net.URI;

/**
 * Spends the refresh token of a credential lent by the vault for exactly this: with the vendor
 * session's Authorization header and {@link PendingRevocation}, the only reader of a lent token.
 */
public final class LentGrant {

  private LentGrant() {}

  /**
   * @throws AuthorizationException {@code VENDOR_TOKEN_REJECTED} if the grant has no refresh token,
   *     or the server refused it
   */
  public static TokenEndpoint.Refreshed refresh(
      TokenEndpoint endpoint,
      AuthorizationServerMetadata server,
      ClientRegistration client,
      Credential credential,
      URI resource) {
    String refreshToken =
        credential
            .refreshToken()
            .orElseThrow(
                () ->
                    new AuthorizationException(
                        VENDOR_TOKEN_REJECTED,
                        "The vendor issued no refresh token for this connection, and its access"
                            + " token has expired."));
    return endpoint.refresh(server, client, refreshToken, resource, credential.scopes());
  }
}
