package io.claribi.catalog.boundary;

import io.claribi.catalog.control.OAuthClients;
import io.claribi.catalog.entity.OAuthClient;
import io.claribi.platform.api.AuditEvent;
import io.claribi.platform.api.AuditEventType;
import io.claribi.platform.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Operators see this product's registrations with vendor authorization servers and drop one the
 * vendor no longer knows (it answers {@code invalid_client}), so that the next connect registers
 * again instead of failing at the vendor's authorize page forever.
 */
@ApplicationScoped
public class ClientRegistrations {

  static final String PRE_REGISTERED = "PRE_REGISTERED";

  @Inject OAuthClients clients;
  @Inject Event<AuditEvent> audit;

  /** What an operator sees of a registration: never a secret (public clients hold none). */
  public record RegistrationView(
      String issuer, String clientId, String source, String registeredBy, Instant registeredAt) {

    static RegistrationView of(OAuthClient client) {
      return new RegistrationView(
          client.issuer(),
          client.toClient().clientId(),
          client.source(),
          client.registeredBy(),
          client.registeredAt());
    }
  }

  @Transactional
  public List<RegistrationView> all() {
    return clients.all().stream().map(RegistrationView::of).toList();
  }

  /**
   * Drops the registration with {@code issuer}, audited in the operator's trail. A pre-registered
   * client comes from the catalog (file or vendor settings) and is changed there, not dropped.
   */
  @Transactional
  public void drop(String issuer, String reason) {
    OAuthClient client =
        clients
            .of(issuer)
            .filter(c -> c.issuer().equals(issuer))
            .orElseThrow(() -> ProblemException.notFound("A registration with that issuer"));
    if (PRE_REGISTERED.equals(client.source())) {
      throw new ProblemException(
          409,
          "OAUTH_CLIENT_PRE_REGISTERED",
          "Pre-registered client",
          "This client was pre-registered in the catalog: change it in the catalog file or the"
              + " vendor's settings instead.");
    }
    clients.remove(client);
    audit.fire(
        AuditEvent.of(
            AuditEventType.CATALOG_OAUTH_CLIENT_DROPPED,
            Map.of("issuer", issuer, "source", client.source(), "reason", reason)));
  }
}
