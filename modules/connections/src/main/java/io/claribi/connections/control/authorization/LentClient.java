package io.claribi.connections.control.authorization;

import io.claribi.connections.control.authorization.ClientRegistration.ClientAuthMethod;
import io.claribi.connections.control.authorization.ClientRegistration.Source;
import io.claribi.credentials.api.ClientSecret;
import io.claribi.credentials.api.ClientSecretId;
import io.claribi.credentials.api.ClientSecretVault;
import java.util.Optional;
import java.util.function.Function;

/**
 * This product's registration at an authorization server, for one request: the organization's
 * confidential registration, with its secret lent from the vault for the length of the request,
 * when it has one for that client id; otherwise the public client. With the vendor session and
 * {@link LentGrant}, the only reader of a lent secret.
 */
public final class LentClient {

  private LentClient() {}

  public static <T> T with(
      ClientSecretVault clientSecrets,
      String issuer,
      String clientId,
      Function<ClientRegistration, T> request) {
    return with(Optional.empty(), clientSecrets, issuer, clientId, request);
  }

  /**
   * The same, preferring the operator's configured registration for the vendor ({@link
   * ConfiguredClients}) when the grant was made to its client id.
   */
  public static <T> T with(
      Optional<ClientRegistration> configured,
      ClientSecretVault clientSecrets,
      String issuer,
      String clientId,
      Function<ClientRegistration, T> request) {
    Optional<ClientRegistration> operators =
        configured.filter(c -> c.clientId().equals(clientId) && c.issuer().equals(issuer));
    if (operators.isPresent()) {
      return request.apply(operators.get());
    }
    Optional<T> confidential =
        clientSecrets.use(
            new ClientSecretId(issuer),
            lent ->
                lent.clientId().equals(clientId)
                    ? request.apply(
                        new ClientRegistration(
                            issuer,
                            clientId,
                            Optional.of(lent.secret()),
                            ClientAuthMethod.named(lent.authMethod()),
                            Source.DYNAMIC))
                    : null);
    return confidential.orElseGet(
        () ->
            request.apply(
                ClientRegistration.publicClient(issuer, clientId, Source.PRE_REGISTERED)));
  }

  /** The organization's confidential registration at the issuer, if it has one (no secret). */
  public static Optional<ClientRegistration> known(ClientSecretVault clientSecrets, String issuer) {
    return clientSecrets.use(
        new ClientSecretId(issuer),
        lent ->
            new ClientRegistration(
                issuer,
                lent.clientId(),
                Optional.of(lent.secret()),
                ClientAuthMethod.named(lent.authMethod()),
                Source.DYNAMIC));
  }

  /** What the vault keeps of a confidential registration the server just made. */
  public static ClientSecret toKeep(ClientRegistration made) {
    return new ClientSecret(
        made.issuer(), made.clientId(), made.authMethod().value(), made.secret().orElseThrow());
  }
}
