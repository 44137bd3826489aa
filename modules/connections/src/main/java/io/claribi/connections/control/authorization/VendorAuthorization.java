package io.claribi.connections.control.authorization;

import io.claribi.catalog.api.OutboundPolicy;
import io.claribi.platform.api.VendorTimeouts;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * The OAuth client's parts, wired once per application with the gateway's limits and the catalog's
 * outbound rules.
 */
@ApplicationScoped
public class VendorAuthorization {

  @Inject OutboundPolicy outbound;
  @Inject VendorTimeouts settings;
  @Inject Clock clock;

  private OAuthHttp http;

  @PostConstruct
  void wire() {
    http =
        new OAuthHttp(
            outbound,
            settings.connectTimeout(),
            settings.callTimeout(),
            OAuthHttp.DEFAULT_MAX_RESPONSE_BYTES,
            settings.retryAfterSeconds());
  }

  public ResourceDiscovery resources() {
    return new ResourceDiscovery(http);
  }

  public AuthorizationServerDiscovery servers() {
    return new AuthorizationServerDiscovery(http);
  }

  public ClientRegistrar registrar() {
    return new ClientRegistrar(http);
  }

  public TokenEndpoint tokens() {
    return new TokenEndpoint(http, clock);
  }

  /** One revocation request per call; the revocation queue decides when. */
  public Revoker revoker() {
    return new Revoker(servers(), tokens());
  }
}
